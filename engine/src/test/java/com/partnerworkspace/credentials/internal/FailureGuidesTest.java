package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.system.Guides;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way a broker can fail and every state that stops a connection carries its own guide section, so the
 * connection card, the inbox's "Fix connection" and a 409 for the state each open the right one (that the
 * sections exist is checked by {@code diagnostics.GuideLinksTest}).
 */
class FailureGuidesTest {

    @ParameterizedTest
    @EnumSource(BrokerException.Failure.class)
    void everyBrokerFailureHasAGuideSection(BrokerException.Failure failure) {
        Failures known = Failures.of(failure);
        assertThat(known.guide()).startsWith(Guides.BASE).contains("#");
        assertThat(known.slug).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(ConnectionState.class)
    void everyStateThatStopsAConnectionHasAGuideSectionInItsRefusal(ConnectionState state) {
        if (state.isUsable()) {
            return;
        }
        assertThat(state.guide).startsWith(Guides.BASE).contains("#");
        assertThat(state.refusal("rotate").getBody().getProperties())
                .containsEntry("guide", state.guide)
                .containsEntry("state", state.name());
    }

    @ParameterizedTest
    @EnumSource(Failures.class)
    void aFailureStoredByItsSlugIsReadBackWithTheSameGuide(Failures failure) {
        assertThat(Failures.bySlug(failure.slug)).isEqualTo(failure);
        assertThat(Arrays.stream(Failures.values()).filter(f -> f.slug.equals(failure.slug)))
                .hasSize(1);
    }
}
