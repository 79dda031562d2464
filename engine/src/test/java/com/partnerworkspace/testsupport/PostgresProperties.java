package com.partnerworkspace.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Points the engine's datasource at the run's real PostgreSQL. */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresProperties {

    @Bean
    DynamicPropertyRegistrar postgresDataSource() {
        return registry -> {
            PostgresServer postgres = RealServers.postgres();
            registry.add("spring.datasource.url", postgres::jdbcUrl);
            registry.add("spring.datasource.username", postgres::username);
            registry.add("spring.datasource.password", postgres::password);
        };
    }
}
