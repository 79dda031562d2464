package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.credentials.ConnectionStatus.Action;
import org.junit.jupiter.api.Test;

/** The action a status board offers for each state: the one that fixes it, nothing when nothing needs doing. */
class ConnectionStatusesTest {

    @Test
    void aSessionThatEndedOrNeverStartedIsReconnected() {
        for (ConnectionState state : new ConnectionState[] {
            ConnectionState.EXPIRED, ConnectionState.AWAITING_AUTHORISATION, ConnectionState.BROKER_UNREACHABLE
        }) {
            assertThat(ConnectionStatuses.actionFor(state, false))
                    .as(state.name())
                    .isEqualTo(Action.RECONNECT);
        }
    }

    @Test
    void refusedKeysAreFixed() {
        assertThat(ConnectionStatuses.actionFor(ConnectionState.KEYS_REJECTED, false))
                .isEqualTo(Action.FIX);
    }

    @Test
    void anEndingSessionIsRotatedWhereTheBrokerRefreshesAndLoggedInAgainAtItsDailyCutOff() {
        assertThat(ConnectionStatuses.actionFor(ConnectionState.EXPIRING, false))
                .isEqualTo(Action.ROTATE);
        assertThat(ConnectionStatuses.actionFor(ConnectionState.EXPIRING, true)).isEqualTo(Action.RECONNECT);
    }

    @Test
    void aHealthyOrRevokedConnectionOffersNothing() {
        assertThat(ConnectionStatuses.actionFor(ConnectionState.ACTIVE, false)).isNull();
        assertThat(ConnectionStatuses.actionFor(ConnectionState.REVOKED, false)).isNull();
    }
}
