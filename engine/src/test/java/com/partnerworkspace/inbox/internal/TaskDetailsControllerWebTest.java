package com.partnerworkspace.inbox.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.inbox.internal.CommentStore.TaskComment;
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

/** Task detail's web layer: the diagram's shape, comment bodies bounded, refusals as problem+json. */
@WebSlice(TaskDetailsController.class)
class TaskDetailsControllerWebTest {

    static final String COMMENTS = "/api/tasks/t-1/comments";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TaskDetails details;

    @MockitoBean
    TaskComments comments;

    @Test
    void theDiagramCarriesTheModelAndWhereTheProcessStands() throws Exception {
        when(details.diagram(any(), eq("t-1")))
                .thenReturn(new TaskDetails.Diagram(
                        "<definitions/>", List.of("Task_ApproveDelegation"), List.of("Event_DelegationRequested")));

        mvc.perform(get("/api/tasks/t-1/diagram").with(Tokens.priya()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.xml").value("<definitions/>"))
                .andExpect(jsonPath("$.activeActivityIds[0]").value("Task_ApproveDelegation"))
                .andExpect(jsonPath("$.completedActivityIds[0]").value("Event_DelegationRequested"));
    }

    @Test
    void aNewCommentAnswersCreatedWithItsAuthor() throws Exception {
        when(comments.add(any(), eq("t-1"), eq("Why a full hour?")))
                .thenReturn(new TaskComment(
                        "c-1", "t-1", "priya", "Why a full hour?", Instant.parse("2030-01-01T00:00:00Z"), null));

        mvc.perform(post(COMMENTS)
                        .with(Tokens.priya())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Why a full hour?\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("c-1"))
                .andExpect(jsonPath("$.author").value("priya"))
                .andExpect(jsonPath("$.createdAt").value("2030-01-01T00:00:00Z"));
    }

    @Test
    void aBlankOrOverlongCommentIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        for (String text : new String[] {"  ", "x".repeat(2001)}) {
            mvc.perform(post(COMMENTS)
                            .with(Tokens.priya())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\":\"" + text + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("text"));
        }
        verifyNoInteractions(comments);
    }

    @Test
    void changingSomeoneElsesCommentIsAForbiddenProblem() throws Exception {
        when(comments.edit(any(), eq("t-1"), eq("c-1"), anyString()))
                .thenThrow(Refusal.of(HttpStatus.FORBIDDEN, "comment-not-yours", "Only its author can change it."));

        mvc.perform(put(COMMENTS + "/c-1")
                        .with(Tokens.omar())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"mine now\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/comment-not-yours"));
    }
}
