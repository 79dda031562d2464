package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The {@code broker_connection} table through {@link ConnectionRepository}, on the real schema (H2), no engine. */
@JdbcTest
@ActiveProfiles("local")
@Import(ConnectionRepository.class)
class ConnectionRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30.123456Z");

    @Autowired
    ConnectionRepository repository;

    @Nested
    class ARow {

        @Test
        void readsBackAsItWasWrittenWithUnsetTimesAsNull() {
            Connection connection = connection("nikhil", NOW);
            repository.insert(connection);

            assertThat(repository.find(connection.id())).contains(connection);
        }

        @Test
        void isAbsentForAnUnknownId() {
            assertThat(repository.find("no-such-connection")).isEmpty();
        }

        @Test
        void keepsEveryTimeInUtcAndTheVerificationMillis() {
            Connection connection = connection("nikhil", NOW);
            repository.insert(connection);
            repository.tokensStored(connection.id(), NOW, NOW.plus(8, ChronoUnit.HOURS), NOW.plusSeconds(60));
            repository.verified(connection.id(), NOW.plusSeconds(1), 42);

            Connection read = repository.find(connection.id()).orElseThrow();
            assertThat(read.storedState()).isEqualTo(ConnectionState.ACTIVE);
            assertThat(read.tokenIssuedAt()).isEqualTo(NOW);
            assertThat(read.expiresAt()).isEqualTo(NOW.plus(8, ChronoUnit.HOURS));
            assertThat(read.lastVerifiedAt()).isEqualTo(NOW.plusSeconds(1));
            assertThat(read.lastVerificationMillis()).isEqualTo(42L);
        }

        @Test
        void keepsAFailureDetailShort() {
            Connection connection = connection("nikhil", NOW);
            repository.insert(connection);
            repository.fail(connection.id(), ConnectionState.KEYS_REJECTED, "keys-rejected", "x".repeat(2_000));

            Connection read = repository.find(connection.id()).orElseThrow();
            assertThat(read.storedState()).isEqualTo(ConnectionState.KEYS_REJECTED);
            assertThat(read.failureDetail()).hasSize(500);
        }
    }

    @Nested
    class Lists {

        @Test
        void aPartnersConnectionsNewestFirst() {
            String partner = "partner-" + UUID.randomUUID();
            Connection older = connection(partner, NOW);
            Connection newer = connection(partner, NOW.plusSeconds(60));
            repository.insert(older);
            repository.insert(newer);

            assertThat(repository.ofPartner(partner))
                    .extracting(Connection::id)
                    .containsExactly(newer.id(), older.id());
        }

        @Test
        void dueForRotationOnlyActiveIdleAndDue() {
            Connection due = active(NOW.minusSeconds(1));
            Connection notYet = active(NOW.plusSeconds(60));
            Connection busy = active(NOW.minusSeconds(1));
            repository.startActivity(busy.id(), "rotation");

            assertThat(repository.dueForRotation(NOW))
                    .extracting(Connection::id)
                    .contains(due.id())
                    .doesNotContain(notYet.id(), busy.id());
        }
    }

    @Nested
    class Activity {

        @Test
        void startsOnlyWhenNoOtherRuns() {
            Connection connection = connection("nikhil", NOW);
            repository.insert(connection);

            assertThat(repository.startActivity(connection.id(), "rotation")).isTrue();
            assertThat(repository.startActivity(connection.id(), "revocation")).isFalse();
            repository.endActivity(connection.id(), "revocation");
            assertThat(repository.find(connection.id()).orElseThrow().activity())
                    .isEqualTo("rotation");
            repository.endActivity(connection.id(), "rotation");
            assertThat(repository.startActivity(connection.id(), "revocation")).isTrue();
        }
    }

    private Connection active(Instant nextRotationAt) {
        Connection connection = connection("nikhil", NOW);
        repository.insert(connection);
        repository.verified(connection.id(), NOW, 1);
        repository.tokensStored(connection.id(), NOW, NOW.plus(8, ChronoUnit.HOURS), nextRotationAt);
        return connection;
    }

    private static Connection connection(String partner, Instant createdAt) {
        return new Connection(
                UUID.randomUUID().toString(),
                partner,
                "broker-sim",
                "Main trading account",
                ConnectionState.AWAITING_AUTHORISATION,
                "****-key",
                "nikhil",
                createdAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
