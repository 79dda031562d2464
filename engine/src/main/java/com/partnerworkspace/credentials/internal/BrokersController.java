package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter;
import com.partnerworkspace.broker.BrokerCatalogue;
import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BrokersController {

    /** The UI page that tells someone the broker login they came back from was not theirs to finish. */
    static final String LOGIN_STARTED_ELSEWHERE = "/credentials/login-elsewhere";

    private final BrokerCatalogue brokers;
    private final ConnectionService connections;
    private final BrowserBindingCookie bindingCookie;
    private final String publicUrl;

    BrokersController(
            BrokerCatalogue brokers,
            ConnectionService connections,
            BrowserBindingCookie bindingCookie,
            @Value("${workspace.public-url}") String publicUrl) {
        this.brokers = brokers;
        this.connections = connections;
        this.bindingCookie = bindingCookie;
        this.publicUrl = publicUrl;
    }

    record BrokerView(
            String id,
            String name,
            String adapter,
            String apiKeyLabel,
            String apiSecretLabel,
            boolean supportsRefresh,
            boolean supportsRevocation) {}

    @Operation(summary = "The brokers a partner can connect")
    @GetMapping(path = "/api/brokers", produces = MediaType.APPLICATION_JSON_VALUE)
    List<BrokerView> catalogue() {
        return brokers.all().stream().map(this::view).toList();
    }

    /**
     * Where the broker sends the browser back after its login. The {@code state} binds it to one
     * onboarding and the binding cookie to the browser that started it; the browser then returns to the
     * Credentials page, which follows the verification. A browser without that cookie (someone the link
     * was handed to) is sent to a page that says so, and nothing is completed.
     */
    @Operation(summary = "The broker login's return address (public; bound by its single-use state)")
    @GetMapping(path = "/api/brokers/callback")
    @ResponseStatus(HttpStatus.SEE_OTHER)
    ResponseEntity<Void> callback(
            @Parameter(
                            description = "state, code or error, ... as the broker sends them",
                            schema = @Schema(type = "object", additionalPropertiesSchema = CallbackValue.class))
                    @RequestParam
                    @Size(max = 20)
                    Map<@Size(max = InputLimits.ID) String, @Size(max = InputLimits.URL) String> parameters,
            HttpServletRequest request) {
        ConnectionService.LoginReturn back =
                connections.completeLogin(parameters, connectionId -> bindingCookie.sent(request, connectionId));
        if (back.startedElsewhere()) {
            return seeOther(LOGIN_STARTED_ELSEWHERE).build();
        }
        boolean failed = connections.get(back.connectionId()).failure() != null;
        return seeOther("/credentials?" + (failed ? "failed=" : "connected=") + back.connectionId())
                .header(HttpHeaders.SET_COOKIE, bindingCookie.clear(back.connectionId(), request))
                .build();
    }

    private ResponseEntity.HeadersBuilder<?> seeOther(String uiPath) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(publicUrl + uiPath));
    }

    private BrokerView view(Broker broker) {
        BrokerAdapter adapter = brokers.adapterFor(broker);
        return new BrokerView(
                broker.id(),
                broker.name(),
                broker.adapter(),
                broker.apiKeyLabel(),
                broker.apiSecretLabel(),
                adapter.supportsRefresh(),
                adapter.supportsRevocation());
    }

    /** A value the broker sends back: a state, a code, an error and its description. */
    @Schema(
            types = {"string"},
            maxLength = InputLimits.URL)
    private interface CallbackValue {}
}
