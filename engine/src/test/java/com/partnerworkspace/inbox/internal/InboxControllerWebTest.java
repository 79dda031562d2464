package com.partnerworkspace.inbox.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @MockitoBean
    BulkTaskWork bulk;

    static WorkspaceUser named(String username) {
        return ArgumentMatchers.argThat((ArgumentMatcher<WorkspaceUser>)
                user -> user != null && user.username().equals(username));
    }

    @Test
    void anApproverListsAPageOfTheirTasksFilteredAsAsked() throws Exception {
        when(inbox.tasks(any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(new TaskPage(
                        List.of(new InboxController.TaskSummary(
                                "t-1",
                                "Approve delegation",
                                "delegation-approval",
                                "nikhil",
                                null,
                                Instant.parse("2030-01-01T00:00:00Z"),
                                null,
                                "nikhil asks orders:place for arjun for PT8H")),
                        new TaskPage.Page(2, 10, 21)));

        mvc.perform(get("/api/tasks?process=delegation-approval&partner=nikhil&due=today&priority=80"
                                + "&group=approver&assignee=unassigned&sort=priority,desc&page=2&size=10")
                        .with(Tokens.priya()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value("t-1"))
                .andExpect(jsonPath("$.content[0].process").value("delegation-approval"))
                .andExpect(jsonPath("$.content[0].summary").value("nikhil asks orders:place for arjun for PT8H"))
                .andExpect(jsonPath("$.content[0].assignee").doesNotExist())
                .andExpect(jsonPath("$.page.number").value(2))
                .andExpect(jsonPath("$.page.size").value(10))
                .andExpect(jsonPath("$.page.totalElements").value(21));
        verify(inbox)
                .tasks(
                        named("priya"),
                        eq(new TaskCriteria("delegation-approval", "nikhil", "today", 80, "approver", "unassigned")),
                        eq(new TaskSort("priority", true)),
                        eq(2),
                        eq(10));
    }

    @Test
    void withoutParametersTheFirstFiftyByDueDate() throws Exception {
        when(inbox.tasks(any(), any(), any(), anyInt(), anyInt()))
                .thenReturn(new TaskPage(List.of(), new TaskPage.Page(0, 50, 0)));

        mvc.perform(get("/api/tasks").with(Tokens.priya())).andExpect(status().isOk());

        verify(inbox).tasks(named("priya"), eq(TaskCriteria.ANY), eq(TaskSort.DEFAULT), eq(0), eq(50));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "due=tomorrow | due",
                "assignee=everyone | assignee",
                "sort=name | sort",
                "sort=due,up | sort",
                "priority=high | priority",
                "page=-1 | page",
                "size=0 | size",
                "size=201 | size"
            })
    void aBadParameterIsA400NamingIt(String query, String parameter) throws Exception {
        mvc.perform(get("/api/tasks?" + query).with(Tokens.priya()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value(parameter));
        verifyNoInteractions(inbox);
    }

    @Test
    void aBulkActionAnswersOneResultPerTask() throws Exception {
        when(bulk.run(any(), any()))
                .thenReturn(List.of(
                        new BulkTaskWork.Result("t-1", "done", 204, null),
                        new BulkTaskWork.Result("t-2", "task-claimed", 409, "vikram took this task.")));

        mvc.perform(post("/api/tasks/bulk")
                        .with(Tokens.priya())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"complete\", \"taskIds\": [\"t-1\", \"t-2\"],"
                                + " \"values\": {\"approved\": true, \"comment\": \"ok\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].taskId").value("t-1"))
                .andExpect(jsonPath("$.results[0].outcome").value("done"))
                .andExpect(jsonPath("$.results[1].status").value(409))
                .andExpect(jsonPath("$.results[1].detail").value("vikram took this task."));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"action\": \"approve\", \"taskIds\": [\"t-1\"]} | action",
                "{\"action\": \"claim\"} | taskIds",
                "{\"action\": \"claim\", \"taskIds\": [\"t-1\"], \"filter\": {}} | taskIds",
                "{\"action\": \"reassign\", \"taskIds\": [\"t-1\"]} | assignee",
                "{\"action\": \"claim\", \"filter\": {\"due\": \"soon\"}} | filter.due",
                "{\"action\": \"complete\", \"taskIds\": [\"t-1\"], \"values\": {\"a\": [1]}} | a"
            })
    void aBadBulkRequestIsA400NamingTheField(String body, String field) throws Exception {
        mvc.perform(post("/api/tasks/bulk")
                        .with(Tokens.priya())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));
        verifyNoInteractions(bulk);
    }

    @Test
    void moreThanTwoHundredTasksInOneBulkAreRefused() throws Exception {
        String ids = IntStream.rangeClosed(1, 201)
                .mapToObj(i -> "\"t-" + i + "\"")
                .collect(Collectors.joining(", ", "[", "]"));

        mvc.perform(post("/api/tasks/bulk")
                        .with(Tokens.priya())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"claim\", \"taskIds\": " + ids + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("taskIds"));
        verifyNoInteractions(bulk);
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
                .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/task-claimed"))
                .andExpect(jsonPath("$.takenBy").value("vikram"));
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
