package com.partnerworkspace.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.notify.Notification;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The channels in fallback order, found by the names the routing table uses; no Spring, no servers. */
class ChannelsTest {

    private final Channel email = named("email");
    private final Channel slack = named("slack");
    private final Channel sms = named("sms");
    private final Channels channels = new Channels(List.of(email, slack, sms));

    @Test
    void aChannelThatGaveUpFallsBackToTheOthersInOrderWrappingAround() {
        assertThat(channels.after(email)).containsExactly(slack, sms);
        assertThat(channels.after(slack)).containsExactly(sms, email);
        assertThat(channels.after(sms)).containsExactly(email, slack);
    }

    @Test
    void channelsAreFoundByTheirRoutingName() {
        assertThat(channels.names()).containsExactly("email", "slack", "sms");
        assertThat(channels.named("slack")).containsSame(slack);
        assertThat(channels.named("pager")).isEmpty();
    }

    private static Channel named(String name) {
        return new Channel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String recipient(Recipients.Audience audience) {
                return name;
            }

            @Override
            public Optional<String> unavailable(Recipients.Audience audience) {
                return Optional.empty();
            }

            @Override
            public void send(Recipients.Audience audience, Notification message) {}
        };
    }
}
