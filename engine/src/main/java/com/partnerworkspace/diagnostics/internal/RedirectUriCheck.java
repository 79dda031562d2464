package com.partnerworkspace.diagnostics.internal;

import com.partnerworkspace.broker.BrokerAdapter.Login;
import com.partnerworkspace.broker.BrokerException;
import com.partnerworkspace.broker.BrokerException.Failure;
import com.partnerworkspace.diagnostics.internal.Outcome.Fix;
import com.partnerworkspace.diagnostics.internal.RedirectUriComparison.Difference;
import com.partnerworkspace.diagnostics.internal.RedirectUriComparison.Kind;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The redirect URI this workspace sends against what the broker accepts: a live probe of the broker's
 * authorization endpoint with this URI (as before a login, {@code BrokerAdapter.checkLogin}), and a piece by
 * piece comparison with the URI the partner says is registered at the broker.
 */
@Component
@Order(1)
class RedirectUriCheck implements Check {

    static final String SETTING = "registeredRedirectUri";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the broker's authorization endpoint said about the URI. */
    enum Probe {
        ACCEPTED,
        REFUSED,
        CLIENT_UNKNOWN,
        NOT_AVAILABLE,
        UNREACHABLE
    }

    @Override
    public String id() {
        return "redirect-uri";
    }

    @Override
    public String title() {
        return "Redirect URI registered at the broker";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(4);
    }

    @Override
    public String guide() {
        return GuideSections.REDIRECT_COMPARE;
    }

    @Override
    public Outcome run(Subject subject) {
        if (subject.keys() == null) {
            return Outcome.skipped(
                    "The connection has no keys stored (it was revoked, or its onboarding never stored them).",
                    GuideSections.REVOKED);
        }
        URI sent = subject.redirectUri();
        List<Difference> differences = subject.registeredRedirectUri() == null
                ? null
                : RedirectUriComparison.compare(sent, subject.registeredRedirectUri());
        Probe probe = probe(subject);
        String note = RedirectUriComparison.isLoopback(sent.getHost())
                ? " The workspace's address is a loopback address: the broker sends browsers there, which works only on"
                        + " the machine that runs the workspace."
                : "";
        Fix copy = Fix.copy("Copy the exact redirect URI to register at the broker", sent.toString());
        return switch (probe) {
            case REFUSED -> refused(sent, differences, note).withFix(copy);
            case ACCEPTED -> accepted(sent, differences, note);
            case CLIENT_UNKNOWN, NOT_AVAILABLE, UNREACHABLE -> fromSettingOnly(sent, differences, probe, note, copy);
        };
    }

    private static Outcome refused(URI sent, List<Difference> differences, String note) {
        String refusal = "The broker does not accept " + sent + " as this app's redirect URI.";
        if (differences == null) {
            return Outcome.fail(
                    refusal + " Register exactly this URI at the broker, or record the URI registered there as"
                            + " \"registered redirect URI\" to see what differs." + note,
                    GuideSections.REDIRECT_REGISTER);
        }
        if (differences.isEmpty()) {
            return Outcome.fail(
                    refusal + " The URI you recorded as registered is the same, so it is registered for another app"
                            + " (compare the client id) or was not saved at the broker." + note,
                    GuideSections.REDIRECT_REGISTER);
        }
        return Outcome.fail(
                refusal + " It differs from the registered one in " + describe(differences) + "." + note,
                guideFor(differences));
    }

    private static Outcome accepted(URI sent, List<Difference> differences, String note) {
        if (differences != null && !differences.isEmpty()) {
            return Outcome.warn(
                            "The broker accepts " + sent + ", but the URI recorded as registered differs in "
                                    + describe(differences) + ": update the recorded one." + note,
                            guideFor(differences))
                    .withFix(Fix.setSetting(SETTING, "Record the URI the broker accepts", sent.toString()));
        }
        String matches = differences == null ? "" : " It matches the URI recorded as registered.";
        return Outcome.pass(
                "The broker accepts " + sent + " as this app's redirect URI." + matches + note,
                GuideSections.REDIRECT_COMPARE);
    }

    private static Outcome fromSettingOnly(URI sent, List<Difference> differences, Probe probe, String note, Fix copy) {
        String why = switch (probe) {
            case CLIENT_UNKNOWN ->
                "The broker does not know the client id, so it cannot say which redirect URIs it"
                        + " accepts (see client-credentials).";
            case UNREACHABLE -> "The broker's login could not be asked (see reachability).";
            default -> "This broker offers no way to ask which redirect URIs it accepts.";
        };
        if (differences == null) {
            return Outcome.skipped(
                    why + " Record the redirect URI registered at the broker to compare it with " + sent + ".",
                    probe == Probe.CLIENT_UNKNOWN
                            ? GuideSections.KEYS_UNKNOWN_CLIENT
                            : GuideSections.REDIRECT_REGISTER);
        }
        if (differences.isEmpty()) {
            return Outcome.pass(
                    why + " The URI recorded as registered is exactly " + sent + "." + note,
                    GuideSections.REDIRECT_COMPARE);
        }
        return Outcome.fail(
                        why + " The URI recorded as registered differs from " + sent + " in " + describe(differences)
                                + "." + note,
                        guideFor(differences))
                .withFix(copy);
    }

    private static String guideFor(List<Difference> differences) {
        return differences.stream().anyMatch(d -> d.kind() == Kind.LOOPBACK_VS_PUBLIC)
                ? GuideSections.REDIRECT_LOOPBACK
                : GuideSections.REDIRECT_COMPARE;
    }

    private static String describe(List<Difference> differences) {
        return differences.stream().map(Difference::describe).collect(Collectors.joining("; "));
    }

    private static Probe probe(Subject subject) {
        if (!subject.speaksOAuth2()) {
            return Probe.NOT_AVAILABLE;
        }
        Login login = new Login(random(), random() + random(), subject.redirectUri());
        try {
            subject.adapter().checkLogin(subject.broker(), subject.keys(), login);
            return Probe.ACCEPTED;
        } catch (BrokerException e) {
            if (e.failure() == Failure.REDIRECT_URI_MISMATCH) {
                return Probe.REFUSED;
            }
            return e.failure() == Failure.KEYS_REJECTED ? Probe.CLIENT_UNKNOWN : Probe.UNREACHABLE;
        }
    }

    private static String random() {
        byte[] value = new byte[24];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
