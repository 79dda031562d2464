package com.partnerworkspace.diagnostics.internal;

import com.partnerworkspace.audit.AuditEvent;
import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter.Keys;
import com.partnerworkspace.broker.BrokerCatalogue;
import com.partnerworkspace.credentials.ConnectionCredentials;
import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.WorkspaceUser;
import com.partnerworkspace.system.Refusal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may run the doctor on what, and what a run leaves behind: an audit entry, and for a connection the
 * kept run. A connection is examined by those who may see its status (owner, ops, a delegate holding
 * {@value #VIEW_SCOPE} for the partner or the connection); its registered settings are changed by the owner
 * or ops. The doctor runs outside any transaction; only keeping its answer is one.
 */
@Service
class DiagnosticsService {

    static final String VIEW_SCOPE = "credentials:view-status";

    private final ConnectionCredentials.Source connections;
    private final BrokerCatalogue brokers;
    private final PartnerAccess partnerAccess;
    private final Doctor doctor;
    private final DiagnosisStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DiagnosticsService(
            ConnectionCredentials.Source connections,
            BrokerCatalogue brokers,
            PartnerAccess partnerAccess,
            Doctor doctor,
            DiagnosisStore store,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.connections = connections;
        this.brokers = brokers;
        this.partnerAccess = partnerAccess;
        this.doctor = doctor;
        this.store = store;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What {@code POST /api/diagnostics/oauth} examines: a broker app's settings before they are saved. */
    record UnsavedSettings(
            String broker, String apiKey, String apiSecret, String registeredRedirectUri, String registeredAddress) {
        @Override
        public String toString() {
            return "UnsavedSettings[" + broker + "]";
        }
    }

    Diagnosis diagnose(WorkspaceUser user, String connectionId) {
        ConnectionCredentials connection = visible(user, connectionId);
        DiagnosisStore.Settings settings = store.settings(connectionId);
        ConnectionCredentials examined = connections.withSecrets(connection);
        Subject subject = new Subject(
                connection.broker(),
                brokers.adapterFor(connection.broker()),
                examined.keys(),
                connections.redirectUri(),
                settings.registeredRedirectUri(),
                settings.registeredAddress(),
                examined,
                clock.instant());
        Diagnosis diagnosis = doctor.examine(subject);
        transaction.executeWithoutResult(status -> {
            store.keep(connectionId, connection.partner(), user.username(), diagnosis);
            audit(user, connection.partner(), "connection/" + connectionId, diagnosis);
        });
        return diagnosis;
    }

    /** A partner (for their own broker apps) or ops; else 403. */
    void requireMayDiagnoseSettings(WorkspaceUser user) {
        if (!user.hasRole("ops") && (!user.hasRole("partner") || user.partner() == null)) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN,
                    "diagnosis-not-allowed",
                    "Only a partner (for their own broker apps) or operations staff can run the doctor.");
        }
    }

    Diagnosis diagnose(WorkspaceUser user, UnsavedSettings settings) {
        requireMayDiagnoseSettings(user);
        boolean ops = user.hasRole("ops");
        Broker broker = brokers.find(settings.broker())
                .orElseThrow(() -> Refusal.invalid("broker", "There is no broker '" + settings.broker() + "'."));
        requireAddress(settings.registeredAddress());
        Subject subject = new Subject(
                broker,
                brokers.adapterFor(broker),
                new Keys(settings.apiKey().strip(), settings.apiSecret().strip()),
                connections.redirectUri(),
                blankToNull(settings.registeredRedirectUri()),
                stripped(settings.registeredAddress()),
                null,
                clock.instant());
        Diagnosis diagnosis = doctor.examine(subject);
        audit(user, ops ? null : user.partner(), "broker/" + broker.id(), diagnosis);
        return diagnosis;
    }

    List<DiagnosisStore.Run> runs(WorkspaceUser user, String connectionId) {
        visible(user, connectionId);
        return store.runs(connectionId);
    }

    DiagnosisStore.Settings settings(WorkspaceUser user, String connectionId) {
        visible(user, connectionId);
        return store.settings(connectionId);
    }

    DiagnosisStore.Settings saveSettings(WorkspaceUser user, String connectionId, DiagnosisStore.Settings settings) {
        ConnectionCredentials connection = visible(user, connectionId);
        if (!partnerAccess.mayActFor(user, connection.partner())) {
            throw Refusal.of(
                    HttpStatus.FORBIDDEN,
                    "diagnosis-settings-not-allowed",
                    "Only the partner or operations staff can change what is registered at the broker.");
        }
        requireAddress(settings.registeredAddress());
        DiagnosisStore.Settings saved = new DiagnosisStore.Settings(
                blankToNull(settings.registeredRedirectUri()), stripped(settings.registeredAddress()));
        transaction.executeWithoutResult(status -> {
            store.saveSettings(connectionId, saved, user.username(), clock.instant());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("registeredRedirectUri", String.valueOf(saved.registeredRedirectUri()));
            details.put("registeredAddress", String.valueOf(saved.registeredAddress()));
            events.publishEvent(new AuditEvent(
                    user.username(),
                    connection.partner(),
                    "diagnostics.settings-changed",
                    "connection/" + connectionId,
                    details));
        });
        return saved;
    }

    List<String> checkIds() {
        return doctor.checkIds();
    }

    /** The connection if the user may see its status; else 404, as for the connection itself. */
    private ConnectionCredentials visible(WorkspaceUser user, String connectionId) {
        ConnectionCredentials connection = connections
                .find(connectionId)
                .filter(c -> partnerAccess.mayActFor(user, c.partner(), VIEW_SCOPE, c.id()))
                .orElseThrow(() -> Refusal.notFound("connection-not-found", "There is no such connection."));
        return connection;
    }

    private void audit(WorkspaceUser user, String partner, String target, Diagnosis diagnosis) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("failed", diagnosis.idsWith(Status.FAIL));
        details.put("warned", diagnosis.idsWith(Status.WARN));
        details.put("durationMs", diagnosis.durationMs());
        events.publishEvent(new AuditEvent(user.username(), partner, "diagnostics.oauth-checked", target, details));
    }

    private static void requireAddress(String address) {
        if (blankToNull(address) != null && !EgressAddressCheck.isIpLiteral(address.strip())) {
            throw Refusal.invalid("registeredAddress", "Give the static address as an IPv4 or IPv6 address.");
        }
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
