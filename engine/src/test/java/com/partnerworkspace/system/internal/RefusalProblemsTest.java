package com.partnerworkspace.system.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.system.Refusal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A {@link Refusal} reaches the caller as the same problem+json the features' own advices wrote before it
 * replaced them: status, type, title, detail, {@code errors} and extension members, exactly. No engine, no
 * Spring context: the {@code ApiProblems} advice over one controller that refuses.
 */
class RefusalProblemsTest {

    private static final String TYPES = "https://partner-workspace/problems/";

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusing())
            .setControllerAdvice(new ApiProblems())
            .build();

    @RestController
    static class Refusing {

        @GetMapping("/conflict-in-state")
        void conflictInState() {
            throw Refusal.titled(
                            HttpStatus.CONFLICT,
                            "connection-expired",
                            "The broker session has ended; reconnect (the keys stay valid)",
                            "Cannot rotate: the connection is EXPIRED. The broker session has ended; reconnect (the"
                                    + " keys stay valid).")
                    .with("state", "EXPIRED")
                    .with("guide", "/diagnostics/guides/connection-expired");
        }

        @GetMapping("/invalid")
        void invalid() {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("delegate", "is not one of your teammates");
            errors.put("duration", "must be longer than zero");
            throw Refusal.invalid(errors);
        }

        @GetMapping("/forbidden")
        void forbidden() {
            throw Refusal.of(HttpStatus.FORBIDDEN, "four-eyes", "You cannot decide a delegation you asked for.");
        }

        @GetMapping("/not-found")
        void notFound() {
            throw Refusal.notFound("delegation-not-found", "There is no such delegation.");
        }

        @GetMapping("/wrong-code")
        void wrongCode() {
            throw Refusal.of(HttpStatus.BAD_REQUEST, "invalid-share-code", "The one-time code is not right.")
                    .with("attemptsLeft", 4);
        }
    }

    @Nested
    class AConflict {

        @Test
        void carriesItsOwnTitleAndTheStateAndGuideAsMembers() throws Exception {
            refusal("/conflict-in-state")
                    .andExpect(status().isConflict())
                    .andExpect(content().json("""
                                    {"type": "%sconnection-expired",
                                     "title": "The broker session has ended; reconnect (the keys stay valid)",
                                     "status": 409,
                                     "detail": "Cannot rotate: the connection is EXPIRED. The broker session has ended; reconnect (the keys stay valid).",
                                     "instance": "/conflict-in-state",
                                     "state": "EXPIRED",
                                     "guide": "/diagnostics/guides/connection-expired"}""".formatted(TYPES), true));
        }
    }

    @Nested
    class BadInput {

        @Test
        void namesEachFieldInOrderUnderTheGenericBadRequestType() throws Exception {
            refusal("/invalid")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().json("""
                                    {"type": "%sbad-request",
                                     "title": "Bad Request",
                                     "status": 400,
                                     "detail": "Some fields of the request are not valid.",
                                     "instance": "/invalid",
                                     "errors": [{"field": "delegate", "message": "is not one of your teammates"},
                                                {"field": "duration", "message": "must be longer than zero"}]}""".formatted(TYPES), true));
        }

        @Test
        void aRefusedValueKeepsItsOwnTypeAndMembers() throws Exception {
            refusal("/wrong-code")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().json("""
                                    {"type": "%sinvalid-share-code", "title": "Bad Request", "status": 400,
                                     "detail": "The one-time code is not right.", "instance": "/wrong-code",
                                     "attemptsLeft": 4}""".formatted(TYPES), true));
        }
    }

    @Nested
    class OtherRefusals {

        @Test
        void takeTheReasonPhraseAsTitle() throws Exception {
            refusal("/forbidden")
                    .andExpect(status().isForbidden())
                    .andExpect(content().json("""
                                    {"type": "%sfour-eyes", "title": "Forbidden", "status": 403,
                                     "detail": "You cannot decide a delegation you asked for.", "instance": "/forbidden"}""".formatted(TYPES), true));
            refusal("/not-found")
                    .andExpect(status().isNotFound())
                    .andExpect(content().json("""
                                    {"type": "%sdelegation-not-found", "title": "Not Found", "status": 404,
                                     "detail": "There is no such delegation.", "instance": "/not-found"}""".formatted(TYPES), true));
        }
    }

    private ResultActions refusal(String path) throws Exception {
        return mvc.perform(get(path).accept(MediaType.APPLICATION_JSON))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
