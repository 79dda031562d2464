package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.credentials.PartnerConnection;
import com.partnerworkspace.delegations.internal.ScopeCatalogue.Scope;
import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.security.WorkspaceUser;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The rules of a {@link DelegationRequest} that need the DMN tables (the scope catalogue, the delegation
 * policy), the requester's team and the partner's connections; the fields' own rules are Bean Validation
 * on the record. {@link #read} turns a request that passed both into what it means.
 */
@Component
class DelegationRequestValidator {

    static final String NOT_A_TEAMMATE = "is not one of your teammates";

    /** The {@code delegation-policy} table: what a request with these inputs needs. */
    interface PolicyTable {
        DelegationPolicy.Decision decide(boolean critical, String delegateKind, Duration requested);
    }

    private final Supplier<List<Scope>> scopes;
    private final PolicyTable policy;
    private final Function<String, List<String>> teamOf;
    private final PartnerConnection.Source connections;

    @Autowired
    DelegationRequestValidator(
            ScopeCatalogue catalogue,
            DelegationPolicy policy,
            KeycloakDirectory directory,
            PartnerConnection.Source connections) {
        this(
                catalogue::all,
                policy::decide,
                partner ->
                        directory.teamOf(partner).stream().map(Person::username).toList(),
                connections);
    }

    DelegationRequestValidator(
            Supplier<List<Scope>> scopes,
            PolicyTable policy,
            Function<String, List<String>> teamOf,
            PartnerConnection.Source connections) {
        this.scopes = scopes;
        this.policy = policy;
        this.teamOf = teamOf;
        this.connections = connections;
    }

    record ValidRequest(
            String delegate,
            String botName,
            List<Scope> scopes,
            PartnerConnection connection,
            Duration duration,
            String justification,
            DelegationPolicy.Decision policy) {

        boolean critical() {
            return scopes.stream().anyMatch(Scope::critical);
        }

        String delegateKind() {
            return botName != null ? "bot" : "person";
        }
    }

    /** The Spring {@link Validator} of one requester's request, for the controller's binder. */
    Validator forRequester(WorkspaceUser requester) {
        return new Rules(requester);
    }

    /** What a request that passed validation means: its scopes, connection, duration and policy. */
    ValidRequest read(WorkspaceUser requester, DelegationRequest request) {
        String botName = request.bot() == null ? null : request.bot().name().strip();
        List<Scope> chosen = List.copyOf(known(request.scopes()).values());
        Duration duration = Duration.parse(request.duration());
        PartnerConnection connection = blank(request.connection())
                ? null
                : ownConnection(requester, request.connection()).orElseThrow();
        boolean critical = chosen.stream().anyMatch(Scope::critical);
        return new ValidRequest(
                botName == null ? request.delegate() : null,
                botName,
                chosen,
                connection,
                duration,
                justification(request),
                policy.decide(critical, botName != null ? "bot" : "person", duration));
    }

    private final class Rules implements Validator {

        private final WorkspaceUser requester;

        Rules(WorkspaceUser requester) {
            this.requester = requester;
        }

        @Override
        public boolean supports(Class<?> type) {
            return DelegationRequest.class.equals(type);
        }

        /**
         * Who may not delegate at all is refused as such (403) by the service, not told what is wrong with
         * the request. The policy's limits apply once every field is fine on its own.
         */
        @Override
        public void validate(Object target, Errors errors) {
            if (!requester.hasRole("partner") || requester.partner() == null) {
                return;
            }
            DelegationRequest request = (DelegationRequest) target;
            checkDelegate(request, errors);
            List<Scope> chosen = checkScopes(request, errors);
            checkConnection(request, chosen, errors);
            Duration duration = checkDuration(request, errors);
            if (!errors.hasErrors()) {
                checkPolicy(request, chosen, duration, errors);
            }
        }

        private void checkDelegate(DelegationRequest request, Errors errors) {
            if (errors.hasFieldErrors("delegate")) {
                return;
            }
            String delegate = request.delegate();
            if (!blank(delegate) && request.bot() != null) {
                errors.rejectValue("delegate", "both", "name either a teammate or a new bot, not both");
            } else if (blank(delegate)) {
                if (request.bot() == null) {
                    errors.rejectValue("delegate", "missing", "name a teammate, or ask for a new bot");
                }
            } else if (delegate.equals(requester.username())) {
                errors.rejectValue("delegate", "self", "you cannot delegate to yourself");
            } else if (!teamOf.apply(requester.partner()).contains(delegate)) {
                // One answer whether the name is unknown or someone else's: the request must not tell who exists.
                errors.rejectValue("delegate", "notInTeam", NOT_A_TEAMMATE);
            }
        }

        private List<Scope> checkScopes(DelegationRequest request, Errors errors) {
            if (errors.hasFieldErrors("scopes") || request.scopes() == null) {
                return List.of();
            }
            Map<String, Scope> known = known(request.scopes());
            List<String> unknown = request.scopes().stream()
                    .distinct()
                    .filter(name -> !known.containsKey(name))
                    .map(String::valueOf)
                    .toList();
            if (!unknown.isEmpty()) {
                errors.rejectValue("scopes", "unknown", "unknown scope: " + String.join(", ", unknown));
            }
            return List.copyOf(known.values());
        }

        /**
         * A connection of the requester's partner that still exists, for scopes the credentials feature
         * checks per connection; absent means all connections. Unknown ids and other partners' get the same
         * answer.
         */
        private void checkConnection(DelegationRequest request, List<Scope> chosen, Errors errors) {
            if (blank(request.connection()) || errors.hasFieldErrors("connection")) {
                return;
            }
            PartnerConnection connection =
                    ownConnection(requester, request.connection()).orElse(null);
            if (connection == null) {
                errors.rejectValue("connection", "unknown", "is not one of your broker connections");
                return;
            }
            if (connection.revoked()) {
                errors.rejectValue("connection", "revoked", "was revoked");
                return;
            }
            List<String> notPerConnection = chosen.stream()
                    .map(Scope::name)
                    .filter(scope -> !PartnerConnection.SCOPES.contains(scope))
                    .toList();
            if (!notPerConnection.isEmpty()) {
                errors.rejectValue(
                        "connection",
                        "notPerConnection",
                        "only "
                                + String.join(
                                        ", ",
                                        PartnerConnection.SCOPES.stream()
                                                .sorted()
                                                .toList()) + " can be limited to one connection, not "
                                + String.join(", ", notPerConnection));
            }
        }

        private Duration checkDuration(DelegationRequest request, Errors errors) {
            if (errors.hasFieldErrors("duration")) {
                return null;
            }
            try {
                Duration duration = Duration.parse(request.duration());
                if (duration.isNegative() || duration.isZero()) {
                    errors.rejectValue("duration", "notPositive", "must be longer than zero");
                    return null;
                }
                return duration;
            } catch (DateTimeParseException e) {
                errors.rejectValue("duration", "format", "must be an ISO-8601 duration such as PT8H or P1D");
                return null;
            }
        }

        private void checkPolicy(DelegationRequest request, List<Scope> chosen, Duration duration, Errors errors) {
            boolean critical = chosen.stream().anyMatch(Scope::critical);
            DelegationPolicy.Decision decision =
                    policy.decide(critical, request.bot() != null ? "bot" : "person", duration);
            Duration max = maxDuration(chosen, decision);
            if (duration.compareTo(max) > 0) {
                errors.rejectValue("duration", "tooLong", "must be at most " + max + " for these scopes");
            }
            if (justification(request).length() < decision.minJustificationLength()) {
                errors.rejectValue(
                        "justification",
                        "tooShort",
                        "needs at least " + decision.minJustificationLength() + " characters for "
                                + (critical ? "critical scopes" : "this request"));
            }
        }
    }

    /** The catalogue's scopes among {@code names}, in the request's order, each once. */
    private Map<String, Scope> known(List<String> names) {
        Map<String, Scope> catalogue = new LinkedHashMap<>();
        scopes.get().forEach(scope -> catalogue.put(scope.name(), scope));
        Map<String, Scope> chosen = new LinkedHashMap<>();
        for (String name : names) {
            if (name != null && catalogue.containsKey(name)) {
                chosen.putIfAbsent(name, catalogue.get(name));
            }
        }
        return chosen;
    }

    private java.util.Optional<PartnerConnection> ownConnection(WorkspaceUser requester, String id) {
        return connections.find(id.strip()).filter(found -> found.partner().equals(requester.partner()));
    }

    private static Duration maxDuration(List<Scope> chosen, DelegationPolicy.Decision decision) {
        Duration max = decision.maxDuration();
        for (Scope scope : chosen) {
            if (scope.maxDuration().compareTo(max) < 0) {
                max = scope.maxDuration();
            }
        }
        return max;
    }

    private static String justification(DelegationRequest request) {
        return request.justification() == null ? "" : request.justification().strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
