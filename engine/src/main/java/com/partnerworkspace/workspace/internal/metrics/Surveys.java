package com.partnerworkspace.workspace.internal.metrics;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.workspace.internal.metrics.SurveyStore.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-question survey after onboarding, a rotation or a reveal. A person is asked at most once a week:
 * an answer or a dismissal both count as this week's prompt.
 */
@Service
class Surveys {

    static final Duration AT_MOST_EVERY = Duration.ofDays(7);
    static final String QUESTION = "How easy was that, from 1 (very hard) to 5 (very easy)?";

    enum Trigger {
        onboarding,
        rotation,
        reveal
    }

    record Prompt(boolean ask, Trigger trigger, String question) {}

    private final SurveyStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Surveys(SurveyStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    Prompt promptFor(WorkspaceUser user, Trigger trigger) {
        return new Prompt(!askedThisWeek(user), trigger, QUESTION);
    }

    @Transactional
    Response answer(WorkspaceUser user, Trigger trigger, int score, String comment) {
        Response response = record(user, trigger, score, blankToNull(comment));
        Map<String, Object> details = response.comment() == null
                ? Map.of("trigger", trigger.name(), "score", score)
                : Map.of("trigger", trigger.name(), "score", score, "comment", response.comment());
        audit(user, "survey.answered", details);
        return response;
    }

    @Transactional
    void dismiss(WorkspaceUser user, Trigger trigger) {
        record(user, trigger, null, null);
        audit(user, "survey.dismissed", Map.of("trigger", trigger.name()));
    }

    private Response record(WorkspaceUser user, Trigger trigger, Integer score, String comment) {
        if (askedThisWeek(user)) {
            throw Refusal.of(
                    HttpStatus.CONFLICT,
                    "survey-answered-recently",
                    "You answered or dismissed the survey in the last 7 days; it is asked at most once a week.");
        }
        Response response = new Response(
                UUID.randomUUID().toString(),
                user.username(),
                user.partner(),
                trigger.name(),
                score,
                comment,
                clock.instant());
        store.add(response);
        return response;
    }

    private boolean askedThisWeek(WorkspaceUser user) {
        Instant weekAgo = clock.instant().minus(AT_MOST_EVERY);
        return store.latestOf(user.username(), weekAgo).isPresent();
    }

    private void audit(WorkspaceUser user, String action, Map<String, Object> details) {
        events.publishEvent(new AuditEvent(user.username(), user.partner(), action, "survey", details));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
