package com.partnerworkspace.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.ModuleTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The system module boots with only the modules it declares, without the engine and without any server. */
@ModuleTest
class SystemModuleTest {

    @Autowired
    ApplicationContext context;

    @Test
    void bootsWithOnlyWhatItDeclares() {
        for (Class<?> bean : List.<Class<?>>of(java.time.Clock.class)) {
            assertThat(context.getBeanNamesForType(bean))
                    .as("beans of %s", bean.getSimpleName())
                    .isNotEmpty();
        }
    }
}
