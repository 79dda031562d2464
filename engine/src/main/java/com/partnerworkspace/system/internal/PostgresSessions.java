package com.partnerworkspace.system.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every pooled PostgreSQL connection runs without JIT compilation, unless the deployment sets its own
 * {@code spring.datasource.hikari.connection-init-sql}. The engine's queries are short, but a count over a
 * large task table is costed above PostgreSQL's {@code jit_above_cost}: at 100,000 open tasks the inbox's
 * unfiltered count took 170-275 ms, 135 ms of it compiling, and 25 ms without (issue 23, {@code
 * InboxBenchmark}).
 */
@Configuration(proxyBeanMethods = false)
class PostgresSessions {

    static final String WITHOUT_JIT = "set jit = off";

    @Bean
    static BeanPostProcessor postgresSessionsWithoutJit() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool
                        && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && pool.getConnectionInitSql() == null) {
                    pool.setConnectionInitSql(WITHOUT_JIT);
                }
                return bean;
            }
        };
    }
}
