package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.notify.Notification;
import com.partnerworkspace.notify.Notification.Link;
import com.partnerworkspace.notify.Notifier;
import com.partnerworkspace.security.PartnerAccess;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Who hears what about a connection. Messages name the connection and what happened, never a secret. */
@Component
class ConnectionNotifications {

    private final KeycloakDirectory directory;
    private final PartnerAccess partnerAccess;
    private final Notifier notifier;
    private final String publicUrl;

    ConnectionNotifications(
            KeycloakDirectory directory,
            PartnerAccess partnerAccess,
            Notifier notifier,
            @Value("${workspace.public-url}") String publicUrl) {
        this.directory = directory;
        this.partnerAccess = partnerAccess;
        this.notifier = notifier;
        this.publicUrl = publicUrl;
    }

    void connected(Connection c, boolean reconnect) {
        toCreator(
                c,
                new Notification(
                        (reconnect ? "Reconnected: " : "Connected: ") + c.label(),
                        "Your " + c.broker() + " connection \"" + c.label() + "\" is verified and active.",
                        List.of(credentialsLink())));
    }

    void failed(Connection c) {
        Failures failure = c.failure() == null ? Failures.BROKER_ERROR : Failures.bySlug(c.failure());
        toCreator(
                c,
                new Notification(
                        "Connection needs attention: " + c.label(),
                        failure.title + " for \"" + c.label() + "\" (" + c.broker() + ").\n"
                                + (c.failureDetail() == null ? "" : c.failureDetail() + "\n")
                                + "The guide explains what to check; then use Reconnect on the Credentials page.",
                        List.of(new Link("Troubleshooting guide", link(failure.guide())), credentialsLink())));
    }

    void rotated(Connection c) {
        toTeam(
                c,
                new Notification(
                        "Credential rotated: " + c.label(),
                        "The credential of \"" + c.label() + "\" (" + c.broker()
                                + ") was renewed and verified with the broker.",
                        List.of(credentialsLink())));
    }

    void rotationRolledBack(Connection c) {
        toTeam(
                c,
                new Notification(
                        "Rotation failed and was rolled back: " + c.label(),
                        "Renewing the credential of \"" + c.label() + "\" failed ("
                                + (c.failure() == null ? "rotation failed" : c.failure())
                                + "); the previous version is current again.",
                        List.of(credentialsLink())));
    }

    void revoked(Connection c, String revokedBy) {
        toTeam(
                c,
                new Notification(
                        "Connection revoked: " + c.label(),
                        revokedBy + " revoked \"" + c.label() + "\" (" + c.broker()
                                + "). The token was revoked at the broker and every stored version was destroyed.",
                        List.of(credentialsLink())));
    }

    private void toCreator(Connection c, Notification message) {
        notifier.email(emails(directory.find(c.createdBy()).stream().toList()), message);
    }

    /** The partner's own users and whoever may see the connection's status through a live grant. */
    private void toTeam(Connection c, Notification message) {
        List<Person> people = new ArrayList<>(directory.ownUsersOf(c.partner()));
        partnerAccess.delegatesHolding(c.partner(), ConnectionService.VIEW_SCOPE, c.id()).stream()
                .map(directory::find)
                .flatMap(Optional::stream)
                .forEach(people::add);
        notifier.email(emails(people), message);
    }

    private static List<String> emails(List<Person> people) {
        return people.stream()
                .map(Person::email)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    private Link credentialsLink() {
        return new Link("Open Credentials", link("/credentials"));
    }

    private URI link(String path) {
        return URI.create(publicUrl + path);
    }
}
