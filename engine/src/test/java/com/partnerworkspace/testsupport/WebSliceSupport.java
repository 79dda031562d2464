package com.partnerworkspace.testsupport;

import com.partnerworkspace.keycloak.KeycloakProperties;
import com.partnerworkspace.security.PartnerAccess;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** What every {@link WebSlice} needs beside the controllers: who may act for whom, and the settings it reads. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakProperties.class)
@Import(PartnerAccess.class)
public class WebSliceSupport {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SliceGrants sliceGrants() {
        return new SliceGrants();
    }
}
