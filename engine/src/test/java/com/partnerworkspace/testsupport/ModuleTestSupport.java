package com.partnerworkspace.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The product's clock in a {@link ModuleTest}: its module ({@code system}) is not always among the
 * modules bootstrapped, and where it is, the test's clock wins.
 */
@TestConfiguration(proxyBeanMethods = false)
class ModuleTestSupport {

    @Bean
    @Primary
    SliceClock sliceClock() {
        return new SliceClock();
    }
}
