package com.partnerworkspace.workspace.internal.widgets;

import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Every {@link Widget} bean by id; answers a widget's data for a caller or refuses with a problem. */
@Service
class Widgets {

    /** The windows a widget reads over (the contract's settings values). */
    static final Map<String, Duration> WINDOWS =
            Map.of("PT24H", Duration.ofHours(24), "P7D", Duration.ofDays(7), "P30D", Duration.ofDays(30));

    record WidgetData(String widget, Instant generatedAt, Object data) {}

    private final Map<String, Widget> byId;
    private final Clock clock;

    Widgets(List<Widget> widgets, Clock clock) {
        this.byId = widgets.stream().collect(Collectors.toMap(Widget::id, Function.identity()));
        this.clock = clock;
    }

    WidgetData data(WorkspaceUser user, String sessionId, String id, String partner, String window) {
        Widget widget = byId.get(id);
        if (widget == null) {
            throw Refusal.notFound("widget-not-found", "There is no widget '" + id + "'; known: " + byId.keySet());
        }
        if (!widget.visibleTo(user)) {
            throw Refusal.of(HttpStatus.FORBIDDEN, "widget-not-for-you", "The widget " + id + " is not for your role.");
        }
        Duration length = WINDOWS.get(window == null ? "PT24H" : window);
        if (length == null) {
            throw Refusal.invalid("window", "must be one of PT24H, P7D, P30D");
        }
        String about = widget.partnerScoped() ? partnerFor(user, partner, widget) : null;
        Instant now = clock.instant();
        return new WidgetData(id, now, widget.data(new WidgetQuery(user, sessionId, about, length, now)));
    }

    private static String partnerFor(WorkspaceUser user, String partner, Widget widget) {
        if (partner != null && !partner.isBlank()) {
            return partner;
        }
        if (user.partner() == null && widget.spansPartners()) {
            return null;
        }
        if (user.partner() == null) {
            throw Refusal.invalid("partner", "name the partner: you belong to none");
        }
        return user.partner();
    }
}
