package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.broker.BrokerCatalogue;
import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.PartnerAccessDeniedException;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import com.partnerworkspace.system.Retry;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConnectionsController {

    private final ConnectionService connections;
    private final CredentialShares shares;
    private final BrokerCatalogue brokers;
    private final PartnerAccess partnerAccess;
    private final BrowserBindingCookie bindingCookie;
    private final NewConnectionValidator newConnectionValidator;

    ConnectionsController(
            ConnectionService connections,
            CredentialShares shares,
            BrokerCatalogue brokers,
            PartnerAccess partnerAccess,
            BrowserBindingCookie bindingCookie,
            NewConnectionValidator newConnectionValidator) {
        this.connections = connections;
        this.shares = shares;
        this.brokers = brokers;
        this.partnerAccess = partnerAccess;
        this.bindingCookie = bindingCookie;
        this.newConnectionValidator = newConnectionValidator;
    }

    /** Beside Bean Validation on the record: the rules that need the broker catalogue. */
    @InitBinder("newConnection")
    void newConnectionRules(WebDataBinder binder) {
        binder.addValidators(newConnectionValidator);
    }

    /** What {@code reveal} answers: the values, and how long the UI shows them. */
    record Revealed(Map<String, String> values, int shownForSeconds) {
        @Override
        public String toString() {
            return "Revealed[" + values.keySet() + "]";
        }
    }

    @Operation(summary = "Connect a broker account: the keys go to Vault, the answer carries the broker login URL")
    @PostMapping(
            path = "/api/connections",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ConnectionView> create(
            Authentication authentication, @Valid @RequestBody NewConnection request, HttpServletRequest http) {
        ConnectionService.Started started = connections.create(CurrentUser.of(authentication), request);
        return bindToThisBrowser(
                        ResponseEntity.created(URI.create(
                                "/api/connections/" + started.connection().id())),
                        started,
                        http)
                .body(view(started.connection(), started.authorizationUrl()));
    }

    @Operation(
            summary =
                    "The broker connections I may see: my own partner's, those a live credentials:view-status grant covers (ops: all)")
    @GetMapping(path = "/api/connections", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ConnectionView> list(Authentication authentication) {
        return connections.listFor(CurrentUser.of(authentication)).stream()
                .map(c -> view(c, null))
                .toList();
    }

    @Operation(summary = "One connection: state, token age, expiry, next rotation, last verification, masked key")
    @GetMapping(path = "/api/connections/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ConnectionView get(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return view(connections.visible(CurrentUser.of(authentication), id, ConnectionService.VIEW_SCOPE), null);
    }

    @Operation(
            summary = "Renew the credential now (credential-rotation); rolled back if the broker refuses the new one")
    @AlsoAnswers(
            status = 409,
            description = "The connection's state does not allow it, another change runs, or the broker needs a login")
    @PostMapping(path = "/api/connections/{id}/rotate", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ConnectionView> rotate(
            Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        WorkspaceUser user = CurrentUser.of(authentication);
        Connection connection = Retry.onConcurrentChange(() -> connections.rotate(user, id, "on-demand"));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(connection, null));
    }

    @Operation(
            summary =
                    "Revoke at the broker, destroy every Vault version, end what depends on it (credential-revocation)")
    @AlsoAnswers(status = 409, description = "Revoked already")
    @PostMapping(path = "/api/connections/{id}/revoke", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ConnectionView> revoke(
            Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        WorkspaceUser user = CurrentUser.of(authentication);
        Connection connection = Retry.onConcurrentChange(() -> connections.revoke(user, id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(connection, null));
    }

    @Operation(summary = "Show the credential once, after an MFA login under 2 minutes old; audited, never cached")
    @AlsoAnswers(status = 409, description = "The connection's state does not allow it")
    @PostMapping(path = "/api/connections/{id}/reveal", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Revealed> reveal(
            Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        Map<String, String> values = connections.reveal(CurrentUser.of(authentication), id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Revealed(values, 30));
    }

    @Operation(summary = "A single-use, expiring link for a named recipient (Vault response wrapping; at most PT24H)")
    @AlsoAnswers(status = 409, description = "The connection's state does not allow it")
    @PostMapping(
            path = "/api/connections/{id}/share",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CredentialShares.ShareLink> share(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String id,
            @Valid @RequestBody CredentialShares.ShareRequest request) {
        CredentialShares.ShareLink link = shares.create(CurrentUser.of(authentication), id, request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(link);
    }

    @Operation(
            summary =
                    "Start the broker login again with the stored keys (expired, rejected, unreachable or unfinished)")
    @AlsoAnswers(status = 409, description = "The connection's state does not need a new login")
    @PostMapping(path = "/api/connections/{id}/reconnect", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ConnectionView> reconnect(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String id,
            HttpServletRequest http) {
        WorkspaceUser user = CurrentUser.of(authentication);
        ConnectionService.Started started = Retry.onConcurrentChange(() -> connections.reconnect(user, id));
        return bindToThisBrowser(ResponseEntity.ok(), started, http)
                .body(view(started.connection(), started.authorizationUrl()));
    }

    @Operation(
            summary =
                    "The partner's broker connections and their status, without secrets (owner, ops, or a delegate with credentials:view-status)")
    @GetMapping(path = "/api/partners/{partner}/connections", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ConnectionView> ofPartner(
            Authentication authentication, @PathVariable @Size(max = InputLimits.NAME) String partner) {
        WorkspaceUser user = CurrentUser.of(authentication);
        // A delegate whose grant covers some of the partner's connections reaches the partner; each is checked.
        if (!partnerAccess.reachFor(user, ConnectionService.VIEW_SCOPE).includes(partner)) {
            throw new PartnerAccessDeniedException(partner, ConnectionService.VIEW_SCOPE);
        }
        return connections.ofPartner(user, partner).stream()
                .map(c -> view(c, null))
                .toList();
    }

    /** The broker login's callback completes only in the browser that receives this answer. */
    private ResponseEntity.BodyBuilder bindToThisBrowser(
            ResponseEntity.BodyBuilder response, ConnectionService.Started started, HttpServletRequest http) {
        if (started.browserBinding() == null) {
            return response;
        }
        return response.header(
                HttpHeaders.SET_COOKIE, bindingCookie.set(started.connection().id(), started.browserBinding(), http));
    }

    private ConnectionView view(Connection connection, URI authorizationUrl) {
        return ConnectionView.of(connection, connections.broker(connection), connections.now(), authorizationUrl);
    }
}
