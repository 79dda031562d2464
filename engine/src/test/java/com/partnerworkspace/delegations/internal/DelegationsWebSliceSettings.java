package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.credentials.PartnerConnection;
import com.partnerworkspace.delegations.internal.ScopeCatalogue.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The real {@link DelegationRequestValidator} for a {@code WebSlice}, with stand-ins for what it reads: rows
 * of the {@code delegation-scopes} and {@code delegation-policy} tables as deployed, nikhil's team (arjun)
 * and three connections (nikhil's, nikhil's revoked one, mukesh's).
 */
@TestConfiguration(proxyBeanMethods = false)
class DelegationsWebSliceSettings {

    static final String OWN_CONNECTION = "c-own";
    static final String REVOKED_CONNECTION = "c-revoked";
    static final String MUKESHS_CONNECTION = "c-mukesh";

    static final List<Scope> CATALOGUE = List.of(
            new Scope("orders:read", "See the partner's orders and their status", false, Duration.ofDays(30)),
            new Scope(
                    "orders:place",
                    "Place, modify and cancel orders with the partner's broker accounts",
                    true,
                    Duration.ofHours(12)),
            new Scope("credentials:view-status", "See which broker connections exist", false, Duration.ofDays(30)),
            new Scope("credentials:rotate", "Rotate the partner's broker credentials", true, Duration.ofDays(1)));

    /** The deployed table's rules: critical (bots P1D, people PT12H), long grants over a week, routine. */
    static final DelegationRequestValidator.PolicyTable POLICY = (critical, kind, requested) -> {
        if (critical) {
            return new DelegationPolicy.Decision(
                    true, 2, kind.equals("bot") ? Duration.ofDays(1) : Duration.ofHours(12), 20, Duration.ofHours(24));
        }
        return requested.compareTo(Duration.ofDays(7)) > 0
                ? new DelegationPolicy.Decision(true, 1, Duration.ofDays(90), 10, Duration.ofHours(24))
                : new DelegationPolicy.Decision(false, 1, Duration.ofDays(90), 0, Duration.ofHours(24));
    };

    private static final Map<String, PartnerConnection> CONNECTIONS = Map.of(
            OWN_CONNECTION, new PartnerConnection(OWN_CONNECTION, "nikhil", "Main account", false),
            REVOKED_CONNECTION, new PartnerConnection(REVOKED_CONNECTION, "nikhil", "Old account", true),
            MUKESHS_CONNECTION, new PartnerConnection(MUKESHS_CONNECTION, "mukesh", "Not nikhil's", false));

    @Bean
    DelegationRequestValidator delegationRequestValidator() {
        return new DelegationRequestValidator(
                () -> CATALOGUE,
                POLICY,
                partner -> partner.equals("nikhil") ? List.of("arjun") : List.of(),
                id -> Optional.ofNullable(CONNECTIONS.get(id)));
    }
}
