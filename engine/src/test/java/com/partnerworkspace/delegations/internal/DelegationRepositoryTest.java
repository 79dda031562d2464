package com.partnerworkspace.delegations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The {@code delegation} tables through {@link DelegationRepository}, on the real schema (H2), no engine. */
@JdbcTest
@ActiveProfiles("local")
@Import(DelegationRepository.class)
class DelegationRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30.123456Z");

    @Autowired
    DelegationRepository repository;

    @Nested
    class ARow {

        @Test
        void readsBackAsItWasWritten() {
            Delegation delegation = delegation("nikhil", "arjun", "conn-1");
            repository.insert(delegation);

            assertThat(repository.find(delegation.id())).contains(delegation);
        }

        @Test
        void isAbsentForAnUnknownId() {
            assertThat(repository.find("no-such-delegation")).isEmpty();
        }

        @Test
        void isGrantedWithItsTimes() {
            Delegation delegation = delegation("nikhil", "arjun", null);
            repository.insert(delegation);
            repository.markGranted(delegation.id(), NOW, NOW.plus(Duration.ofHours(8)));

            Delegation read = repository.find(delegation.id()).orElseThrow();
            assertThat(read.state()).isEqualTo(DelegationState.ACTIVE);
            assertThat(read.grantedAt()).isEqualTo(NOW);
            assertThat(read.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(8)));
            assertThat(repository.activeFor("arjun")).extracting(Delegation::id).contains(delegation.id());
        }
    }

    @Nested
    class State {

        @Test
        void movesOnlyFromAnExpectedState() {
            Delegation delegation = delegation("nikhil", "arjun", null);
            repository.insert(delegation);

            assertThat(repository.changeState(delegation.id(), Set.of(DelegationState.ACTIVE), DelegationState.EXPIRED))
                    .isFalse();
            assertThat(repository.changeState(delegation.id(), DelegationState.OPEN, DelegationState.REVOKED))
                    .isTrue();
            assertThat(repository.find(delegation.id()).orElseThrow().state()).isEqualTo(DelegationState.REVOKED);
        }

        @Test
        void openDelegationsLimitedToAConnection() {
            String connection = UUID.randomUUID().toString();
            Delegation open = delegation("nikhil", "arjun", connection);
            Delegation ended = delegation("nikhil", "arjun", connection);
            repository.insert(open);
            repository.insert(ended);
            repository.changeState(ended.id(), DelegationState.OPEN, DelegationState.REVOKED);

            assertThat(repository.openLimitedTo(connection))
                    .extracting(Delegation::id)
                    .containsExactly(open.id());
        }
    }

    @Nested
    class Approvals {

        @Test
        void comeBackInTheOrderTheyWereGiven() {
            Delegation delegation = delegation("nikhil", "arjun", null);
            repository.insert(delegation);
            repository.addApproval(delegation.id(), new Approval("vikram", true, "ok", NOW.plusSeconds(2)));
            repository.addApproval(delegation.id(), new Approval("priya", false, "no", NOW.plusSeconds(1)));

            assertThat(repository.approvalsOf(delegation.id()))
                    .containsExactly(
                            new Approval("priya", false, "no", NOW.plusSeconds(1)),
                            new Approval("vikram", true, "ok", NOW.plusSeconds(2)));
        }
    }

    private static Delegation delegation(String partner, String delegate, String connection) {
        return new Delegation(
                UUID.randomUUID().toString(),
                partner,
                partner,
                delegate,
                null,
                null,
                List.of("orders:read", "credentials:rotate"),
                connection,
                Duration.ofHours(8),
                "Covering the desk",
                DelegationState.AWAITING_APPROVAL,
                false,
                1,
                NOW,
                null,
                null);
    }
}
