package com.partnerworkspace.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.ModuleTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The broker module boots with only the modules it declares, without the engine and without any server. */
@ModuleTest
class BrokerModuleTest {

    @Autowired
    ApplicationContext context;

    @Test
    void bootsWithOnlyWhatItDeclares() {
        for (Class<?> bean : List.<Class<?>>of(BrokerCatalogue.class)) {
            assertThat(context.getBeanNamesForType(bean))
                    .as("beans of %s", bean.getSimpleName())
                    .isNotEmpty();
        }
    }
}
