package com.partnerworkspace.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.ModuleTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The keycloak module boots with only the modules it declares, without the engine and without any server. */
@ModuleTest
class KeycloakModuleTest {

    @Autowired
    ApplicationContext context;

    @Test
    void bootsWithOnlyWhatItDeclares() {
        for (Class<?> bean : List.<Class<?>>of(KeycloakDirectory.class, KeycloakGrants.class)) {
            assertThat(context.getBeanNamesForType(bean))
                    .as("beans of %s", bean.getSimpleName())
                    .isNotEmpty();
        }
    }
}
