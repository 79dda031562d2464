package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.credentials.internal.CredentialShares.ShareRequest;
import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.security.DelegatedScopes;
import com.partnerworkspace.vault.VaultWrapping;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The rules of a {@link ShareRequest}, which need the directory and the partner's live delegations: exactly
 * one of a recipient among the partner's people and an outside address, and a link lifetime of at most
 * {@code PT24H}. The service runs it after the owner and MFA checks, so a caller who may not share is
 * refused as such before being told what is wrong with the request.
 */
@Component
class ShareRequestValidator {

    static final int MAX_EMAIL_LENGTH = 128;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Who a link is for: one of the partner's people (by username) or an outside address. */
    record Recipient(String username, String email) {

        boolean outside() {
            return username == null;
        }

        String name() {
            return outside() ? email : username;
        }
    }

    private final Function<String, Optional<Person>> people;
    private final BiPredicate<String, String> isOneOfThePartnersPeople;

    @Autowired
    ShareRequestValidator(KeycloakDirectory directory, ObjectProvider<DelegatedScopes> delegatedScopes) {
        this(
                directory::find,
                (partner, username) -> directory.ownUsersOf(partner).stream()
                                .anyMatch(p -> p.username().equals(username))
                        || directory.teamOf(partner).stream()
                                .anyMatch(p -> p.username().equals(username))
                        || delegatedScopes
                                .orderedStream()
                                .flatMap(source -> source.heldBy(username).stream())
                                .anyMatch(held -> held.partner().equals(partner)));
    }

    /**
     * @param isOneOfThePartnersPeople (partner, username): the partner's own users and team, and delegates
     *     holding a live grant for the partner
     */
    ShareRequestValidator(
            Function<String, Optional<Person>> people, BiPredicate<String, String> isOneOfThePartnersPeople) {
        this.people = people;
        this.isOneOfThePartnersPeople = isOneOfThePartnersPeople;
    }

    /** The Spring {@link Validator} of a share of one of {@code partner}'s connections. */
    Validator forPartner(String partner) {
        return new Validator() {
            @Override
            public boolean supports(Class<?> type) {
                return ShareRequest.class.equals(type);
            }

            @Override
            public void validate(Object target, Errors errors) {
                ShareRequest request = (ShareRequest) target;
                recipient(partner, request, errors);
                ttl(request, errors);
            }
        };
    }

    /** Who a request that passed validation shares with. */
    Recipient recipientOf(String partner, ShareRequest request) {
        return recipient(partner, request, null);
    }

    /** How long the link of a request that passed validation works. */
    Duration ttlOf(ShareRequest request) {
        return Duration.parse(request.ttl());
    }

    /** Exactly one of {@code recipient} (one of the partner's people) and {@code outsideEmail}. */
    private Recipient recipient(String partner, ShareRequest request, Errors errors) {
        String username = blankToNull(request.recipient());
        String outsideEmail = blankToNull(request.outsideEmail());
        if (username != null && outsideEmail != null) {
            reject(errors, "outsideEmail", "give either recipient or outsideEmail, not both");
            return null;
        }
        if (outsideEmail != null) {
            return outsideRecipient(outsideEmail.strip(), errors);
        }
        if (username == null) {
            reject(errors, "recipient", "is required (or outsideEmail, to share outside the partner on purpose)");
            return null;
        }
        Person person = username.length() > 64 ? null : people.apply(username).orElse(null);
        // One answer for "no such user" and "someone else's": the field does not tell who exists.
        if (person == null || person.email() == null || !isOneOfThePartnersPeople.test(partner, person.username())) {
            reject(
                    errors,
                    "recipient",
                    "is not one of " + partner + "'s people (its users, its team, its delegates); to share"
                            + " outside the partner, name the address in outsideEmail");
            return null;
        }
        return new Recipient(person.username(), person.email());
    }

    private static Recipient outsideRecipient(String email, Errors errors) {
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            reject(errors, "outsideEmail", "must be an email address of at most " + MAX_EMAIL_LENGTH + " characters");
            return null;
        }
        return new Recipient(null, email);
    }

    private static void ttl(ShareRequest request, Errors errors) {
        if (request.ttl() == null) {
            errors.rejectValue("ttl", "missing", "is required (ISO-8601, e.g. PT15M)");
            return;
        }
        try {
            Duration ttl = request.ttl().length() > 32 ? null : Duration.parse(request.ttl());
            if (ttl == null) {
                errors.rejectValue("ttl", "format", "must be an ISO-8601 duration such as PT15M");
            } else if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(VaultWrapping.MAX_TTL) > 0) {
                errors.rejectValue("ttl", "range", "must be more than zero and at most PT24H");
            }
        } catch (DateTimeParseException e) {
            errors.rejectValue("ttl", "format", "must be an ISO-8601 duration such as PT15M");
        }
    }

    /** Rejects the field when validating; reading a request that passed validation rejects nothing. */
    private static void reject(Errors errors, String field, String message) {
        if (errors == null) {
            throw new IllegalStateException("read a share request that did not pass validation: " + field);
        }
        errors.rejectValue(field, "invalid", message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
