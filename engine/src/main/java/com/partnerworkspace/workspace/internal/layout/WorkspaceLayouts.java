package com.partnerworkspace.workspace.internal.layout;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.workspace.internal.layout.PersonaDefaults.Defaults;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's workspace: their saved layout, else their persona's current defaults (so whoever never
 * customised follows what ops deploy). Widgets ops pin stay on every layout.
 */
@Service
class WorkspaceLayouts {

    record Workspace(
            PersonaDefaults.Persona persona,
            List<LayoutEntry> layout,

            @Schema(description = "False while the person follows their persona's defaults")
            boolean customised,

            @Schema(
                    description =
                            "Which version of the defaults (persona-defaults DMN) this person's defaults come from")
            String defaultsVersion,

            @Schema(description = "Default widgets added since the person customised, not on their layout")
            List<String> newDefaultWidgets,

            @Schema(description = "The alert channels the persona starts with (persona-alert-channels DMN)")
            List<String> alertChannels) {}

    private final PersonaDefaults defaults;
    private final LayoutStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkspaceLayouts(PersonaDefaults defaults, LayoutStore store, ApplicationEventPublisher events, Clock clock) {
        this.defaults = defaults;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    Workspace of(WorkspaceUser user) {
        Defaults current = defaults.of(user);
        Optional<LayoutStore.Saved> saved = store.of(user.username());
        if (saved.isEmpty()) {
            return workspace(current, current.layout(), false, List.of());
        }
        List<LayoutEntry> layout = withPinned(saved.get().layout(), current);
        List<String> added = current.widgets().stream()
                .filter(widget -> !saved.get().defaultWidgets().contains(widget))
                .filter(widget ->
                        layout.stream().noneMatch(entry -> entry.widget().equals(widget)))
                .toList();
        return workspace(current, layout, true, added);
    }

    @Transactional
    Workspace save(WorkspaceUser user, LayoutRequest request) {
        Defaults current = defaults.of(user);
        Map<String, String> problems = LayoutRules.problems(request.layout(), current.pinned());
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        List<LayoutEntry> layout = request.layout().stream()
                .map(entry -> new LayoutEntry(
                        entry.widget(),
                        entry.size(),
                        entry.settings(),
                        current.pinned().contains(entry.widget())))
                .toList();
        store.save(user.username(), layout, List.copyOf(current.widgets()), clock.instant());
        audit(
                user,
                "workspace.layout-saved",
                Map.of("widgets", layout.stream().map(LayoutEntry::widget).toList()));
        return of(user);
    }

    @Transactional
    Workspace restoreDefaults(WorkspaceUser user) {
        if (store.delete(user.username())) {
            audit(
                    user,
                    "workspace.layout-restored",
                    Map.of("defaultsVersion", defaults.of(user).version()));
        }
        return of(user);
    }

    /** The saved layout with the pinned flags of now, and any widget ops pinned since added at its end. */
    private static List<LayoutEntry> withPinned(List<LayoutEntry> saved, Defaults current) {
        Set<String> pinned = current.pinned();
        List<LayoutEntry> layout = new ArrayList<>();
        saved.forEach(entry -> layout.add(entry.pinned(pinned.contains(entry.widget()))));
        current.layout().stream()
                .filter(LayoutEntry::pinned)
                .filter(entry -> saved.stream().noneMatch(kept -> kept.widget().equals(entry.widget())))
                .forEach(layout::add);
        return layout;
    }

    private static Workspace workspace(
            Defaults current, List<LayoutEntry> layout, boolean customised, List<String> added) {
        return new Workspace(current.persona(), layout, customised, current.version(), added, current.alertChannels());
    }

    private void audit(WorkspaceUser user, String action, Map<String, Object> details) {
        events.publishEvent(
                new AuditEvent(user.username(), user.partner(), action, "workspace/" + user.username(), details));
    }
}
