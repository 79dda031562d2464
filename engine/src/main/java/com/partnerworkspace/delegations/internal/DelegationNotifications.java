package com.partnerworkspace.delegations.internal;

import com.partnerworkspace.credentials.PartnerConnection;
import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.notify.Notification;
import com.partnerworkspace.notify.Notification.Link;
import com.partnerworkspace.notify.Notifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Who hears what about a delegation, by email and Slack. Messages name scopes and people, never secrets. */
@Component
class DelegationNotifications {

    private final DelegationRepository repository;
    private final KeycloakDirectory directory;
    private final Notifier notifier;
    private final BotSecretLinks botLinks;
    private final PartnerConnection.Source connections;
    private final String publicUrl;

    DelegationNotifications(
            DelegationRepository repository,
            KeycloakDirectory directory,
            Notifier notifier,
            BotSecretLinks botLinks,
            PartnerConnection.Source connections,
            @Value("${workspace.public-url}") String publicUrl) {
        this.repository = repository;
        this.directory = directory;
        this.notifier = notifier;
        this.botLinks = botLinks;
        this.connections = connections;
        this.publicUrl = publicUrl;
    }

    /** Every approver who may decide (never the requester or the delegate), with a link to the inbox. */
    void notifyApprovers(String id) {
        Delegation d = get(id);
        List<String> addresses = emails(directory.withRole("approver").stream()
                .filter(approver -> !approver.username().equals(d.requester()))
                .filter(approver -> !approver.username().equals(d.delegate())));
        Notification message = new Notification(
                "Approve delegation: " + d.requester() + " asks " + String.join(", ", d.scopes()) + " for "
                        + d.delegateLabel(),
                d.requester() + " (partner " + d.partner() + ") asks to grant " + d.delegateLabel() + " the scopes "
                        + String.join(", ", d.scopes()) + onConnection(d) + " for " + d.duration() + ".\nWhy: "
                        + d.justification()
                        + "\nApprovals needed: " + d.approvalsRequired() + ".",
                List.of(new Link("Open the task in the inbox", link("/inbox?process=" + Delegation.PROCESS_KEY))));
        notifier.email(addresses, message);
        notifier.slack(message);
    }

    /** The requester and the delegate; for a bot, the requester gets the single-use link to its secret. */
    void notifyGrantApplied(String id) {
        Delegation d = get(id);
        List<Link> links = new ArrayList<>();
        links.add(new Link("See the delegation", link("/delegations")));
        String text = d.delegateLabel() + " now holds " + String.join(", ", d.scopes()) + onConnection(d)
                + " for partner " + d.partner() + " until " + d.expiresAt() + ".";
        if (d.isForBot()) {
            links.add(new Link("Open the bot's client secret (single use)", botLinks.create(d)));
            text += "\nThe bot's client id is " + d.botClientId()
                    + ". Its secret is behind the link below: it opens once, then it is gone.";
        }
        notifier.email(
                emails(people(d.requester(), d.isForBot() ? null : d.delegate())),
                new Notification(
                        "Delegation granted: " + String.join(", ", d.scopes()) + " for " + d.delegateLabel(),
                        text,
                        links));
    }

    /** The requester and the delegate: the delegation ran its time and its access is removed. */
    void notifyExpired(String id) {
        notifyEnded(get(id), "expired", false);
    }

    /** The requester and the delegate; {@code withConnection}: it ended because its connection was revoked. */
    void notifyRevoked(String id, boolean withConnection) {
        notifyEnded(get(id), withConnection ? "ended" : "was revoked", withConnection);
    }

    private void notifyEnded(Delegation d, String how, boolean withConnection) {
        String why = withConnection ? " because the broker connection " + connectionName(d) + " was revoked" : "";
        notifier.email(
                emails(people(d.requester(), d.isForBot() ? null : d.delegate())),
                new Notification(
                        "Delegation " + how + ": " + String.join(", ", d.scopes()) + " for " + d.delegateLabel(),
                        "The delegation of " + String.join(", ", d.scopes()) + " to " + d.delegateLabel()
                                + " for partner " + d.partner() + " " + how + why + ". The access is removed.",
                        List.of(new Link("See the delegation", link("/delegations")))));
    }

    /** Where the scopes count, when the delegation is limited to one connection. */
    private String onConnection(Delegation d) {
        return d.connection() == null ? "" : " on the broker connection " + connectionName(d) + " only";
    }

    private String connectionName(Delegation d) {
        return connections
                .find(d.connection())
                .map(connection -> "\"" + connection.label() + "\"")
                .orElse(d.connection());
    }

    /** The requester hears the outcome of a request that never became a grant. */
    void notifyClosed(String id, String outcome, String comment) {
        Delegation d = get(id);
        notifier.email(
                emails(people(d.requester())),
                new Notification(
                        "Delegation request " + outcome + ": " + String.join(", ", d.scopes()) + " for "
                                + d.delegateLabel(),
                        "Your request to grant " + d.delegateLabel() + " " + String.join(", ", d.scopes()) + " was "
                                + outcome + "." + (comment == null || comment.isBlank() ? "" : "\nComment: " + comment),
                        List.of(new Link("See the delegation", link("/delegations")))));
    }

    private Stream<Person> people(String... usernames) {
        return Stream.of(usernames).filter(Objects::nonNull).distinct().flatMap(u -> directory.find(u).stream());
    }

    private static List<String> emails(Stream<Person> people) {
        return people.map(Person::email)
                .filter(email -> email != null && !email.isBlank())
                .toList();
    }

    private URI link(String path) {
        return URI.create(publicUrl + path);
    }

    private Delegation get(String id) {
        return repository.find(id).orElseThrow(() -> new IllegalStateException("no delegation " + id));
    }
}
