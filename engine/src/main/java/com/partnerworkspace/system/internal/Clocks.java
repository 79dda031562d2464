package com.partnerworkspace.system.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the product: every feature and adapter takes "now" from this bean (UTC), so a test
 * can put a clock of its own in its place instead of waiting on the real one.
 */
@Configuration(proxyBeanMethods = false)
class Clocks {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
