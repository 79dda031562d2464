package com.partnerworkspace.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.keycloak.KeycloakProperties;
import com.partnerworkspace.system.UiRoutes;
import jakarta.servlet.DispatcherType;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Deny by default: what is public is listed (the UI's files and routes, its runtime config, health and
 * info, the API description), the API needs a Keycloak token, Camunda's REST API and webapps need ops,
 * and every other request is refused. Security headers on every response.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String OPS = "ops";

    /**
     * Matchers on the whole request path. Camunda's REST API and webapp API are separate servlets, which
     * Spring MVC path matchers would not see.
     */
    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private static RequestMatcher path(String pattern) {
        return PATHS.matcher(pattern);
    }

    private static RequestMatcher get(String pattern) {
        return PATHS.matcher(HttpMethod.GET, pattern);
    }

    private static RequestMatcher post(String pattern) {
        return PATHS.matcher(HttpMethod.POST, pattern);
    }

    /** The UI's built files (at the top level, under {@code media/}, the guides) and the routes of its router. */
    private static final RequestMatcher UI = new OrRequestMatcher(
            get("/"),
            get("/index.html"),
            get("/favicon.ico"),
            get("/*.js"),
            get("/*.css"),
            get("/media/**"),
            get("/guides/*.md"),
            request -> HttpMethod.GET.matches(request.getMethod()) && UiRoutes.isUiRoute(request.getRequestURI()));

    /** The Camunda webapps: a browser session from Keycloak single sign-on, ops only. */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http, OAuth2UserService<OidcUserRequest, OidcUser> users)
            throws Exception {
        return http.securityMatcher(
                        new OrRequestMatcher(path("/camunda/**"), path("/oauth2/**"), path("/login/oauth2/**")))
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(path("/oauth2/**"), path("/login/oauth2/**"))
                                .permitAll()
                                .anyRequest()
                                .hasRole(OPS))
                .oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                        .defaultSuccessUrl("/camunda/app/", false))
                // The webapps send their own CSRF token (Camunda's CsrfPreventionFilter) and their own CSP.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** The product API, Camunda REST and the UI: stateless, Keycloak bearer tokens, deny by default. */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper, KeycloakProperties keycloak)
            throws Exception {
        var problems = new ProblemJsonAuthenticationHandlers(objectMapper);
        var jwtAuthentication = new JwtAuthenticationConverter();
        jwtAuthentication.setJwtGrantedAuthoritiesConverter(
                jwt -> KeycloakAuthoritiesConverter.authorities(jwt.getClaims()));
        jwtAuthentication.setPrincipalClaimName("preferred_username");
        return http.authorizeHttpRequests(requests -> requests
                        // Error responses for requests already admitted (or refused) above.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(get("/api/ui-config"))
                        .permitAll()
                        // The broker's redirect (bound by its single-use state), share links (bound by
                        // the link and a one-time code mailed to the named recipient) and acknowledgement
                        // links from alert messages (signed, expiring, single use) come without a token.
                        .requestMatchers(
                                get("/api/brokers/callback"),
                                post("/api/shares/*/code"),
                                post("/api/shares/*/open"),
                                get("/api/alert-links/*"),
                                post("/api/alert-links/*/ack"))
                        .permitAll()
                        // Ops only, refused before the body is read: anyone else gets a 403, never a 400.
                        .requestMatchers(get("/api/partners"), post("/api/partners"))
                        .hasRole(OPS)
                        .requestMatchers(path("/api/**"))
                        .authenticated()
                        .requestMatchers(path("/engine-rest/**"))
                        .hasRole(OPS)
                        .requestMatchers(get("/actuator/health"), get("/actuator/health/**"), get("/actuator/info"))
                        .permitAll()
                        .requestMatchers(path("/actuator/**"))
                        .hasRole(OPS)
                        .requestMatchers(get("/v3/api-docs"), get("/v3/api-docs/**"))
                        .permitAll()
                        .requestMatchers(UI)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(contentSecurityPolicy(keycloak)))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .build();
    }

    /**
     * Fit for the Angular UI: its own scripts only (no inline script), inline styles for Angular Material,
     * fonts and images from the app, API calls to the engine and token calls to Keycloak, never framed.
     */
    static String contentSecurityPolicy(KeycloakProperties keycloak) {
        String keycloakOrigin =
                java.net.URI.create(keycloak.url()).resolve("/").toString().replaceAll("/$", "");
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self' " + keycloakOrigin,
                "form-action 'self' " + keycloakOrigin,
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "object-src 'none'");
    }

    /**
     * No observation per security filter, per authentication and per authorization: nothing reads them
     * (only health and info are exposed), and opening and closing them was a tenth of an API request's
     * CPU. The request itself is still observed ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** A request the firewall refuses is answered 400 problem+json, not a 500. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper) {
        return new ProblemJsonAuthenticationHandlers(objectMapper);
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
