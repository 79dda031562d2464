package com.partnerworkspace.workspace.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.testsupport.RepositorySlice;
import com.partnerworkspace.testsupport.SliceClock;
import com.partnerworkspace.workspace.internal.metrics.Surveys.Trigger;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The survey's weekly rule on the real schema, time moved by the slice's clock. */
@RepositorySlice
@Import({SurveyStore.class, Surveys.class})
class SurveysTest {

    private static final WorkspaceUser RAJA = new WorkspaceUser("raja", "Raja", "raja", Set.of("partner"), null, null);

    @Autowired
    Surveys surveys;

    @Autowired
    SurveyStore store;

    @Autowired
    SliceClock clock;

    @BeforeEach
    void now() {
        clock.reset();
    }

    @Test
    void askedUntilAnsweredThenNotForSevenDays() {
        assertThat(surveys.promptFor(RAJA, Trigger.rotation).ask()).isTrue();

        surveys.answer(RAJA, Trigger.rotation, 4, "  quick  ");

        assertThat(surveys.promptFor(RAJA, Trigger.reveal).ask())
                .as("any act, same week")
                .isFalse();
        assertThatThrownBy(() -> surveys.answer(RAJA, Trigger.reveal, 5, null))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        refusal -> assertThat(refusal.getBody().getType().toString())
                                .endsWith("/survey-answered-recently"));
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(surveys.promptFor(RAJA, Trigger.reveal).ask()).isTrue();
    }

    @Test
    void aDismissalCountsAsTheWeeksPromptAndIsNoAnswer() {
        surveys.dismiss(RAJA, Trigger.onboarding);

        assertThat(surveys.promptFor(RAJA, Trigger.rotation).ask()).isFalse();
        assertThat(store.answersSince(SliceClock.START.minusSeconds(1))).isEmpty();
    }

    @Test
    void aCommentIsKeptTrimmedAndABlankOneAsNone() {
        surveys.answer(RAJA, Trigger.rotation, 4, "  quick  ");
        clock.advance(Duration.ofDays(8));
        surveys.answer(RAJA, Trigger.reveal, 2, "   ");

        assertThat(store.answersSince(SliceClock.START.minusSeconds(1)))
                .extracting(SurveyStore.Response::comment)
                .containsExactly("quick", null);
    }
}
