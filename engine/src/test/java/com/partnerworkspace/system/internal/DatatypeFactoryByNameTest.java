package com.partnerworkspace.system.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.EngineTest;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;

/** Once the engine runs, a timer's duration parser comes from the JDK's factory named, not found by a jar scan. */
@EngineTest
class DatatypeFactoryByNameTest {

    @Test
    void theEngineNamesTheJdksDatatypeFactory() throws DatatypeConfigurationException {
        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
                .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        assertThat(DatatypeFactory.newInstance().getClass().getName())
                .as("the same factory the scan fell back to")
                .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
}
