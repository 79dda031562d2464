package com.partnerworkspace.testsupport;

import com.partnerworkspace.security.internal.SliceSecurity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * A {@code @WebMvcTest} of the named controllers behind the real web security: the engine's
 * {@code SecurityConfig} filter chains, its problem+json advices and filters, the real {@code PartnerAccess}
 * with delegated scopes from {@link SliceGrants}, and the {@code local} profile's settings. No engine, no
 * database, no Keycloak: the test declares the services behind the controller as {@code @MockitoBean}s and
 * sends tokens from {@link Tokens}. A slice starts in about a second; the fast tier runs every slice.
 *
 * <pre>
 * &#64;WebSlice(DelegationsController.class)
 * class DelegationsControllerWebTest {
 *     &#64;Autowired MockMvc mvc;
 *     &#64;MockitoBean DelegationService delegations;
 *     ... mvc.perform(get("/api/delegations").with(Tokens.nikhil())).andExpect(status().isOk());
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WebMvcTest
@Import({SliceSecurity.class, WebSliceSupport.class})
@ActiveProfiles("local")
@ExtendWith(SliceGrants.ClearAfterEach.class)
public @interface WebSlice {

    /** The controllers under test; their collaborators are the test's {@code @MockitoBean}s. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
