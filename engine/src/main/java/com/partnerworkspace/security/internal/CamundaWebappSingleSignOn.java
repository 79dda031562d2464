package com.partnerworkspace.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Hands the Keycloak login that Spring Security made for {@code /camunda/**} to the Camunda webapps
 * (Camunda's extension point for container-based authentication). Realm roles become the user's
 * Camunda groups, so {@code ops} works as a candidate group in Tasklist; the webapps need the user in
 * the engine's identity store, so {@link CamundaIdentity} mirrors it there at login.
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebappSingleSignOn {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        // After Spring Security's filter chain, so the authentication is already there.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }

    /** Instantiated by Camunda's filter through its no-argument constructor. */
    public static class SpringSecurityProvider extends ContainerBasedAuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            // Only a Keycloak login counts; Spring's anonymous token also says "authenticated".
            if (!(authentication instanceof OAuth2AuthenticationToken) || !authentication.isAuthenticated()) {
                return AuthenticationResult.unsuccessful();
            }
            List<String> groups = CamundaIdentity.groupsFor(rolesOf(authentication));
            CamundaIdentity.mirror(engine.getIdentityService(), authentication, groups);
            AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
            result.setGroups(groups);
            return result;
        }

        private static List<String> rolesOf(Authentication authentication) {
            return authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(authority -> authority.startsWith("ROLE_"))
                    .map(authority -> authority.substring("ROLE_".length()))
                    .toList();
        }
    }
}
