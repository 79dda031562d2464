package com.partnerworkspace.inbox.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.mockito.ArgumentMatchers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The task inbox's web layer: the list's shape, bounded form fields, and refusals as problem+json. */
@WebSlice(InboxController.class)
class InboxControllerWebTest {

    static final String TASK = "/api/tasks/t-1";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Inbox inbox;

    static WorkspaceUser named(String username) {
        return ArgumentMatchers.argThat((ArgumentMatcher<WorkspaceUser>)
                user -> user != null && user.username().equals(username));
    }

    @Test
    void anApproverListsTheirTasksFilteredAsAsked() throws Exception {
        when(inbox.tasks(any(), any(), any()))
                .thenReturn(List.of(new InboxController.TaskSummary(
                        "t-1",
                        "Approve delegation",
                        "delegation-approval",
                        "nikhil",
                        null,
                        Instant.parse("2030-01-01T00:00:00Z"),
                        null,
                        "nikhil asks orders:place for arjun for PT8H")));

        mvc.perform(get("/api/tasks?process=delegation-approval&partner=nikhil").with(Tokens.priya()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("t-1"))
                .andExpect(jsonPath("$[0].process").value("delegation-approval"))
                .andExpect(jsonPath("$[0].summary").value("nikhil asks orders:place for arjun for PT8H"))
                .andExpect(jsonPath("$[0].assignee").doesNotExist());
        verify(inbox).tasks(named("priya"), eq("delegation-approval"), eq("nikhil"));
    }

    @Test
    void completingWithPlainFieldsAnswersNoContent() throws Exception {
        mvc.perform(post(TASK + "/complete")
                        .with(Tokens.priya())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approved\": true, \"comment\": \"fine\"}"))
                .andExpect(status().isNoContent());
        verify(inbox).complete(named("priya"), eq("t-1"), eq(Map.of("approved", true, "comment", "fine")));
    }

    @Test
    void aNestedFieldIsRefusedBeforeAnyFormSeesIt() throws Exception {
        mvc.perform(post(TASK + "/complete")
                        .with(Tokens.priya())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approved\": {\"really\": true}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("approved"))
                .andExpect(jsonPath("$.errors[0].message").value("must be true/false, a number or text"));
        verifyNoInteractions(inbox);
    }

    @Test
    void moreThanTwentyFieldsAreRefused() throws Exception {
        String fields = IntStream.rangeClosed(1, 21)
                .mapToObj(i -> "\"f" + i + "\": " + i)
                .collect(Collectors.joining(", ", "{", "}"));

        mvc.perform(post(TASK + "/complete")
                        .with(Tokens.priya())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fields))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("fields"));
        verifyNoInteractions(inbox);
    }

    @Test
    void aFormsRefusalKeepsItsStatusAndType() throws Exception {
        doThrow(Refusal.of(HttpStatus.FORBIDDEN, "own-request", "You cannot decide your own request."))
                .when(inbox)
                .complete(any(), eq("t-1"), anyMap());

        mvc.perform(post(TASK + "/complete")
                        .with(Tokens.priya())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approved\": true}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/own-request"))
                .andExpect(jsonPath("$.detail").value("You cannot decide your own request."));
    }

    @Test
    void aTaskClaimedByTheEngineMeanwhileIsAConflict() throws Exception {
        when(inbox.claim(any(), eq("t-1"))).thenThrow(new TaskAlreadyClaimedException("t-1", "vikram"));

        mvc.perform(post(TASK + "/claim").with(Tokens.priya()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/task-claimed"));
    }

    @Test
    void anIdLongerThanAnIdIsRefused() throws Exception {
        mvc.perform(get("/api/tasks/" + "x".repeat(65)).with(Tokens.priya()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        verifyNoInteractions(inbox);
    }

    @Test
    void withoutATokenNothingIsListed() throws Exception {
        mvc.perform(get("/api/tasks"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        verifyNoInteractions(inbox);
    }
}
