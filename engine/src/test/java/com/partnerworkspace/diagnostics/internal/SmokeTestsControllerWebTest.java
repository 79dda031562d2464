package com.partnerworkspace.diagnostics.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /api/smoke-tests}: 202 {id, state} for a queued run, who is refused before the body is read, a
 * 400 naming the bad field, and artifacts served with their type and never cached.
 */
@WebSlice(SmokeTestsController.class)
class SmokeTestsControllerWebTest {

    static final SmokeTest QUEUED = new SmokeTest(
            "run-1",
            "nikhil",
            "c-1",
            SmokeTest.State.QUEUED,
            "nikhil",
            Instant.parse("2026-12-04T10:00:00Z"),
            null,
            null,
            SmokeTest.STEP_NAMES.stream().map(SmokeTest.Step::pending).toList(),
            null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SmokeTests smokeTests;

    @Test
    void aQueuedRunIsAnswered202WithItsIdAndState() throws Exception {
        when(smokeTests.start(any(), eq("nikhil"), eq("c-1"))).thenReturn(QUEUED);

        mvc.perform(post("/api/smoke-tests")
                        .with(Tokens.nikhil())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"partner\":\"nikhil\",\"connection\":\"c-1\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.id").value("run-1"))
                .andExpect(jsonPath("$.state").value("QUEUED"));
    }

    @Test
    void withoutAPartnerTheAnswerIs400NamingItAndNothingStarts() throws Exception {
        mvc.perform(post("/api/smoke-tests")
                        .with(Tokens.nikhil())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"connection\":\"c-1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("partner"));
        verify(smokeTests).requireMayRunAny(any());
        verifyNoMoreInteractions(smokeTests);
    }

    @Test
    void whoMayRunNoneIsRefusedBeforeTheBodyIsRead() throws Exception {
        doThrow(Refusal.of(HttpStatus.FORBIDDEN, "smoke-test-not-allowed", "No."))
                .when(smokeTests)
                .requireMayRunAny(any());

        mvc.perform(post("/api/smoke-tests")
                        .with(Tokens.priya())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/smoke-test-not-allowed"));
    }

    @Test
    void anArtifactIsServedWithItsTypeAsAnAttachmentAndNeverCached() throws Exception {
        when(smokeTests.artifact(any(), eq("run-1"), eq("step-1-workspace.png")))
                .thenReturn(new SmokeTestStore.Artifact("step-1-workspace.png", "image/png", new byte[] {1, 2, 3}));

        mvc.perform(get("/api/smoke-tests/run-1/artifacts/step-1-workspace.png").with(Tokens.nikhil()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andExpect(content().bytes(new byte[] {1, 2, 3}))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"step-1-workspace.png\""));
    }

    @Test
    void aRunNoOneMaySeeIsNotFound() throws Exception {
        when(smokeTests.find(any(), eq("run-9")))
                .thenThrow(Refusal.notFound("smoke-test-not-found", "There is no such smoke test."));

        mvc.perform(get("/api/smoke-tests/run-9").with(Tokens.mukesh()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void thePartnersRunsNewestFirst() throws Exception {
        when(smokeTests.ofPartner(any(), eq("nikhil"))).thenReturn(List.of(QUEUED));

        mvc.perform(get("/api/smoke-tests").param("partner", "nikhil").with(Tokens.nikhil()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("run-1"))
                .andExpect(jsonPath("$[0].steps.length()").value(4))
                .andExpect(jsonPath("$[0].trace").doesNotExist());
        verify(smokeTests).ofPartner(any(), eq("nikhil"));
    }
}
