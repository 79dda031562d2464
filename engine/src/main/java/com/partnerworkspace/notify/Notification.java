package com.partnerworkspace.notify;

import java.net.URI;
import java.util.List;

/**
 * One message for people: a subject, plain text, and the links they act on (rendered as buttons in
 * Slack, as lines in an email).
 */
public record Notification(String subject, String text, List<Link> links) {

    public Notification {
        links = List.copyOf(links);
    }

    public record Link(String label, URI url) {}
}
