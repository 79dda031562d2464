package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.RepositorySlice;
import com.partnerworkspace.testsupport.SliceClock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Broker login attempts on the real schema: hashed, single use, expiring, bound to one browser. */
@RepositorySlice
@Import(BrokerLogins.class)
class BrokerLoginsRepositoryTest {

    @Autowired
    BrokerLogins logins;

    @Autowired
    JdbcClient db;

    @Autowired
    SliceClock clock;

    @BeforeEach
    void now() {
        clock.reset();
    }

    static Function<String, Optional<String>> browserHolding(String binding) {
        return connectionId -> Optional.ofNullable(binding);
    }

    @Test
    void onlyHashesAreStored() {
        BrokerLogins.Begun begun = logins.begin("c-1", "pi-1");

        var row = db.sql("select state_hash, binding_hash from broker_login where connection_id = 'c-1'")
                .query()
                .singleRow();
        assertThat(row.get("state_hash"))
                .isEqualTo(BrokerLogins.hash(begun.login().state()));
        assertThat(row.get("binding_hash")).isEqualTo(BrokerLogins.hash(begun.browserBinding()));
        assertThat(begun.login().redirectUri()).hasToString("http://localhost:8080/api/brokers/callback");
    }

    @Test
    void theStartingBrowserClaimsItOnce() {
        BrokerLogins.Begun begun = logins.begin("c-1", "pi-1");

        BrokerLogins.Claim first = logins.claim(begun.login().state(), browserHolding(begun.browserBinding()));
        BrokerLogins.Claim again = logins.claim(begun.login().state(), browserHolding(begun.browserBinding()));

        assertThat(first).isInstanceOfSatisfying(BrokerLogins.Claimed.class, claimed -> {
            assertThat(claimed.attempt().processInstanceId()).isEqualTo("pi-1");
            assertThat(claimed.attempt().login().codeVerifier())
                    .isEqualTo(begun.login().codeVerifier());
        });
        assertThat(again).isInstanceOf(BrokerLogins.Unknown.class);
    }

    @Test
    void anotherBrowserUsesNothingUp() {
        BrokerLogins.Begun begun = logins.begin("c-1", "pi-1");

        assertThat(logins.claim(begun.login().state(), browserHolding("someone-elses")))
                .isEqualTo(new BrokerLogins.StartedElsewhere("c-1"));
        assertThat(logins.claim(begun.login().state(), browserHolding(null)))
                .isEqualTo(new BrokerLogins.StartedElsewhere("c-1"));
        assertThat(logins.claim(begun.login().state(), browserHolding(begun.browserBinding())))
                .isInstanceOf(BrokerLogins.Claimed.class);
    }

    @Test
    void anAttemptExpiresAfterItsLifetime() {
        BrokerLogins.Begun begun = logins.begin("c-1", "pi-1");
        clock.advance(logins.lifetime());

        assertThat(logins.claim(begun.login().state(), browserHolding(begun.browserBinding())))
                .isInstanceOf(BrokerLogins.Unknown.class);
    }

    @Test
    void aNewAttemptEndsTheEarlierOneAndForgettingEndsAll() {
        BrokerLogins.Begun earlier = logins.begin("c-1", "pi-1");
        clock.advance(Duration.ofSeconds(1));
        BrokerLogins.Begun later = logins.begin("c-1", "pi-2");

        assertThat(logins.claim(earlier.login().state(), browserHolding(earlier.browserBinding())))
                .isInstanceOf(BrokerLogins.Unknown.class);

        logins.forget("c-1");
        assertThat(logins.claim(later.login().state(), browserHolding(later.browserBinding())))
                .isInstanceOf(BrokerLogins.Unknown.class);
    }

    @Test
    void anUnknownOrAbsurdStateIsUnknown() {
        assertThat(logins.claim("nope", browserHolding("x"))).isInstanceOf(BrokerLogins.Unknown.class);
        assertThat(logins.claim("s".repeat(201), browserHolding("x"))).isInstanceOf(BrokerLogins.Unknown.class);
        assertThat(logins.claim(null, browserHolding("x"))).isInstanceOf(BrokerLogins.Unknown.class);
    }
}
