package com.partnerworkspace.alerts;

import java.util.List;

/**
 * The channels ({@code email}, {@code slack}, {@code sms}) a partner hears on until they save alert
 * preferences of their own: their persona's. The workspace answers it from the {@code persona-profile}
 * decision, the one source of persona defaults; without an answer every routed channel is used.
 */
public interface PersonaChannels {

    /** The partner's default channels, in their order; empty when the partner has no persona. */
    List<String> of(String partner);
}
