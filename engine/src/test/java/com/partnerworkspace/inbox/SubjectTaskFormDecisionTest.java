package com.partnerworkspace.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The approve-or-reject decision every review form reads the same way; no engine needed. */
class SubjectTaskFormDecisionTest {

    /** The smallest review form: its decision is what {@code decisionOf} reads. */
    static final class Review extends SubjectTaskForm<String> {
        Review() {
            super("review", "Task_Review");
        }

        static Decision read(Map<String, Object> submitted) {
            return decisionOf(submitted);
        }

        @Override
        protected String subjectOf(Task task) {
            return "thing";
        }

        @Override
        protected String summaryOf(String subject) {
            return subject;
        }

        @Override
        protected String partnerOf(String subject) {
            return null;
        }

        @Override
        protected Map<String, Object> contextOf(String subject) {
            return Map.of();
        }

        @Override
        protected void checkMayDecide(WorkspaceUser user, String subject) {}

        @Override
        protected Map<String, Object> decide(WorkspaceUser user, String subject, Map<String, Object> submitted) {
            return Map.of();
        }

        @Override
        public List<Field> fields() {
            return DECISION_FIELDS;
        }
    }

    @Nested
    class Accepted {

        @Test
        void anApprovalNeedsNoComment() {
            assertThat(Review.read(Map.of("approved", true))).isEqualTo(new SubjectTaskForm.Decision(true, ""));
        }

        @Test
        void aRejectionKeepsItsReasonStripped() {
            assertThat(Review.read(Map.of("approved", false, "comment", "  not this week \n")))
                    .isEqualTo(new SubjectTaskForm.Decision(false, "not this week"));
        }
    }

    @Nested
    class Refused {

        @Test
        void aRejectionWithoutAReason() {
            assertRefused(Map.of("approved", false, "comment", "   "), "Field 'comment' must say why when rejecting.");
        }

        @Test
        void noDecisionAtAll() {
            assertRefused(Map.of("comment", "hm"), "Field 'approved' must be true or false.");
        }

        @Test
        void aDecisionThatIsNotABoolean() {
            assertRefused(Map.of("approved", "yes"), "Field 'approved' must be true or false.");
        }

        @Test
        void aCommentThatIsNotText() {
            assertRefused(Map.of("approved", true, "comment", 42), "Field 'comment' must be text.");
        }

        @Test
        void aCommentOverTheLimit() {
            assertRefused(
                    Map.of("approved", true, "comment", "x".repeat(SubjectTaskForm.Decision.MAX_COMMENT + 1)),
                    "Field 'comment' must be at most 2000 characters.");
        }

        @Test
        void aFieldTheDecisionDoesNotHave() {
            Map<String, Object> submitted = new HashMap<>(Map.of("approved", true));
            submitted.put("scope", "orders:place");
            assertRefused(submitted, "Field 'scope' is not a known field.");
        }

        private void assertRefused(Map<String, Object> submitted, String detail) {
            assertThatThrownBy(() -> Review.read(submitted)).isInstanceOfSatisfying(Refusal.class, refusal -> {
                assertThat(refusal.getStatusCode().value()).isEqualTo(400);
                assertThat(refusal.detail()).isEqualTo(detail);
            });
        }
    }
}
