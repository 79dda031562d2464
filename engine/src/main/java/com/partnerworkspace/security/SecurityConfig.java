package com.partnerworkspace.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String OPS = "ops";

    /**
     * Matchers on the whole request path. Camunda's REST API and webapp API are separate servlets, which
     * Spring MVC path matchers would not see; a request that slips past its chain would fall through to
     * the permissive UI rules.
     */
    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private static RequestMatcher path(String pattern) {
        return PATHS.matcher(pattern);
    }

    /** The Camunda webapps: a browser session from Keycloak single sign-on, ops only. */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http, OAuth2UserService<OidcUserRequest, OidcUser> users)
            throws Exception {
        return http.securityMatcher(new OrRequestMatcher(path("/camunda/**"), path("/oauth2/**"), path("/login/oauth2/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/oauth2/**"), path("/login/oauth2/**")).permitAll()
                        .anyRequest().hasRole(OPS))
                .oauth2Login(login -> login
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                        .defaultSuccessUrl("/camunda/app/", false))
                // The webapps send their own CSRF token (Camunda's CsrfPreventionFilter).
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** The product API and Camunda REST: stateless, Keycloak bearer tokens. Everything else is the UI. */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        var problems = new ProblemJsonAuthenticationHandlers(objectMapper);
        var jwtAuthentication = new JwtAuthenticationConverter();
        jwtAuthentication.setJwtGrantedAuthoritiesConverter(jwt -> KeycloakAuthoritiesConverter.authorities(jwt.getClaims()));
        jwtAuthentication.setPrincipalClaimName("preferred_username");
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PATHS.matcher(HttpMethod.GET, "/api/ui-config")).permitAll()
                        .requestMatchers(path("/engine-rest/**")).hasRole(OPS)
                        .requestMatchers(path("/api/**")).authenticated()
                        .requestMatchers(path("/actuator/health/**"), path("/actuator/info")).permitAll()
                        .requestMatchers(path("/actuator/**")).hasRole(OPS)
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .build();
    }

    /**
     * Roles live in the access token (not the ID token), so the webapp login reads them from there,
     * verified by the same decoder the API uses.
     */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> keycloakOidcUserService(JwtDecoder jwtDecoder) {
        var delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            var accessToken = jwtDecoder.decode(request.getAccessToken().getTokenValue());
            Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
            authorities.addAll(KeycloakAuthoritiesConverter.authorities(accessToken.getClaims()));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
        };
    }
}
