package com.partnerworkspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.ModuleTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The security module boots with only the modules it declares, without the engine and without any server. */
// The web security reads where Keycloak is: settings of the keycloak module, a dependency of security.
@ModuleTest(extraIncludes = "keycloak")
class SecurityModuleTest {

    @Autowired
    ApplicationContext context;

    @Test
    void bootsWithOnlyWhatItDeclares() {
        for (Class<?> bean : List.<Class<?>>of(PartnerAccess.class)) {
            assertThat(context.getBeanNamesForType(bean))
                    .as("beans of %s", bean.getSimpleName())
                    .isNotEmpty();
        }
    }
}
