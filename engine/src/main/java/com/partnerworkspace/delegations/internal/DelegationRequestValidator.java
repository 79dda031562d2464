package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.credentials.PartnerConnection;
import com.partnerworkspace.delegations.internal.ScopeCatalogue.Scope;
import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a request field by field before anything is written, and reads it into what the request
 * means: the scopes, the duration and the policy that applies.
 */
@Component
class DelegationRequestValidator {

    private static final Pattern BOT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _-]{2,39}");
    static final int MAX_JUSTIFICATION = 2000;
    static final String NOT_A_TEAMMATE = "is not one of your teammates";

    private final ScopeCatalogue catalogue;
    private final DelegationPolicy policy;
    private final KeycloakDirectory directory;
    private final PartnerConnection.Source connections;

    DelegationRequestValidator(
            ScopeCatalogue catalogue,
            DelegationPolicy policy,
            KeycloakDirectory directory,
            PartnerConnection.Source connections) {
        this.catalogue = catalogue;
        this.policy = policy;
        this.directory = directory;
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

    ValidRequest validate(WorkspaceUser requester, DelegationRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        String delegate = checkDelegate(requester, request, errors);
        String botName = checkBot(request, errors);
        List<Scope> scopes = checkScopes(request.scopes(), errors);
        PartnerConnection connection = checkConnection(requester, request.connection(), scopes, errors);
        Duration duration = checkDuration(request.duration(), errors);
        String justification =
                request.justification() == null ? "" : request.justification().strip();
        if (justification.length() > MAX_JUSTIFICATION) {
            errors.put("justification", "must be at most " + MAX_JUSTIFICATION + " characters");
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }

        ValidRequest valid = new ValidRequest(delegate, botName, scopes, connection, duration, justification, null);
        DelegationPolicy.Decision decision = policy.decide(valid.critical(), valid.delegateKind(), duration);
        Duration max = maxDuration(scopes, decision);
        if (duration.compareTo(max) > 0) {
            errors.put("duration", "must be at most " + max + " for these scopes");
        }
        if (justification.length() < decision.minJustificationLength()) {
            errors.put(
                    "justification",
                    "needs at least " + decision.minJustificationLength() + " characters for "
                            + (valid.critical() ? "critical scopes" : "this request"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new ValidRequest(delegate, botName, scopes, connection, duration, justification, decision);
    }

    private String checkDelegate(WorkspaceUser requester, DelegationRequest request, Map<String, String> errors) {
        String delegate = request.delegate();
        boolean hasDelegate = delegate != null && !delegate.isBlank();
        if (hasDelegate && request.bot() != null) {
            errors.put("delegate", "name either a teammate or a new bot, not both");
            return null;
        }
        if (!hasDelegate) {
            if (request.bot() == null) {
                errors.put("delegate", "name a teammate, or ask for a new bot");
            }
            return null;
        }
        if (delegate.equals(requester.username())) {
            errors.put("delegate", "you cannot delegate to yourself");
            return null;
        }
        // One answer whether the name is unknown or someone else's: the request must not tell who exists.
        boolean inTeam = directory.teamOf(requester.partner()).stream()
                .map(Person::username)
                .anyMatch(delegate::equals);
        if (!inTeam) {
            errors.put("delegate", NOT_A_TEAMMATE);
            return null;
        }
        return delegate;
    }

    private static String checkBot(DelegationRequest request, Map<String, String> errors) {
        if (request.bot() == null) {
            return null;
        }
        String name = request.bot().name() == null ? "" : request.bot().name().strip();
        if (!BOT_NAME.matcher(name).matches()) {
            errors.put("bot.name", "3 to 40 letters, digits, spaces, '-' or '_', starting with a letter or digit");
            return null;
        }
        return name;
    }

    private List<Scope> checkScopes(List<String> names, Map<String, String> errors) {
        if (names == null || names.isEmpty()) {
            errors.put("scopes", "choose at least one scope");
            return List.of();
        }
        Map<String, Scope> known = new LinkedHashMap<>();
        catalogue.all().forEach(scope -> known.put(scope.name(), scope));
        List<Scope> scopes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names.stream().distinct().toList()) {
            Scope scope = name == null ? null : known.get(name);
            if (scope == null) {
                unknown.add(String.valueOf(name));
            } else {
                scopes.add(scope);
            }
        }
        if (!unknown.isEmpty()) {
            errors.put("scopes", "unknown scope: " + String.join(", ", unknown));
        }
        return scopes;
    }

    /**
     * A connection of the requester's partner that still exists, for scopes the credentials feature checks
     * per connection; absent means all connections. Unknown ids and other partners' get the same answer.
     */
    private PartnerConnection checkConnection(
            WorkspaceUser requester, String id, List<Scope> scopes, Map<String, String> errors) {
        if (id == null || id.isBlank()) {
            return null;
        }
        PartnerConnection connection = connections
                .find(id.strip())
                .filter(found -> found.partner().equals(requester.partner()))
                .orElse(null);
        if (connection == null) {
            errors.put("connection", "is not one of your broker connections");
            return null;
        }
        if (connection.revoked()) {
            errors.put("connection", "was revoked");
            return null;
        }
        List<String> notPerConnection = scopes.stream()
                .map(Scope::name)
                .filter(scope -> !PartnerConnection.SCOPES.contains(scope))
                .toList();
        if (!notPerConnection.isEmpty()) {
            errors.put(
                    "connection",
                    "only "
                            + String.join(
                                    ", ",
                                    PartnerConnection.SCOPES.stream().sorted().toList())
                            + " can be limited to one connection, not " + String.join(", ", notPerConnection));
            return null;
        }
        return connection;
    }

    private static Duration checkDuration(String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put("duration", "is required, e.g. PT8H");
            return null;
        }
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                errors.put("duration", "must be longer than zero");
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            errors.put("duration", "must be an ISO-8601 duration such as PT8H or P1D");
            return null;
        }
    }

    private static Duration maxDuration(List<Scope> scopes, DelegationPolicy.Decision decision) {
        Duration max = decision.maxDuration();
        for (Scope scope : scopes) {
            if (scope.maxDuration().compareTo(max) < 0) {
                max = scope.maxDuration();
            }
        }
        return max;
    }
}
