package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.credentials.internal.CredentialShares.ShareRequest;
import com.partnerworkspace.keycloak.Person;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.validation.Errors;
import org.springframework.validation.SimpleErrors;

/**
 * A share of one of nikhil's connections: arjun is one of nikhil's people, priya exists but is not, and
 * mukesh has no address. No engine, no Spring context.
 */
class ShareRequestValidatorTest {

    private static final String NOT_ONE_OF_NIKHILS = "is not one of nikhil's people (its users, its team, its"
            + " delegates); to share outside the partner, name the address in outsideEmail";

    private final ShareRequestValidator validator = new ShareRequestValidator(
            username -> Optional.ofNullable(
                    switch (username) {
                        case "arjun" -> new Person("arjun", "Arjun", "arjun@example.test");
                        case "priya" -> new Person("priya", "Priya", "priya@example.test");
                        case "mukesh" -> new Person("mukesh", "Mukesh", null);
                        default -> null;
                    }),
            (partner, username) -> partner.equals("nikhil") && !username.equals("priya"));

    @Nested
    class Accepts {

        @Test
        void oneOfThePartnersPeopleOrAnOutsideAddressForAtMostADay() {
            assertThat(errorsOf(new ShareRequest("arjun", null, "PT24H"))).isEmpty();
            assertThat(errorsOf(new ShareRequest(null, " auditor@example.test ", "PT15M")))
                    .isEmpty();
        }

        @Test
        void andReadsWhoItIsFor() {
            assertThat(validator.recipientOf("nikhil", new ShareRequest("arjun", null, "PT15M")))
                    .isEqualTo(new ShareRequestValidator.Recipient("arjun", "arjun@example.test"));
            assertThat(validator
                            .recipientOf("nikhil", new ShareRequest(" ", "auditor@example.test ", "PT15M"))
                            .outside())
                    .isTrue();
        }
    }

    @Nested
    class Recipient {

        @Test
        void isRequiredUnlessAnOutsideAddressIsNamed() {
            assertThat(errorsOf(new ShareRequest(null, " ", "PT15M")))
                    .containsExactly(Map.entry(
                            "recipient", "is required (or outsideEmail, to share outside the partner on purpose)"));
        }

        @Test
        void outsideThePartnerGetsOneAnswerWhetherOrNotTheNameExists() {
            for (String name : new String[] {"priya", "nobody-here", "mukesh", "r".repeat(65)}) {
                assertThat(errorsOf(new ShareRequest(name, null, "PT15M")))
                        .as(name)
                        .containsExactly(Map.entry("recipient", NOT_ONE_OF_NIKHILS));
            }
        }

        @Test
        void isNotNamedBesideAnOutsideAddress() {
            assertThat(errorsOf(new ShareRequest("arjun", "auditor@example.test", "PT15M")))
                    .containsExactly(Map.entry("outsideEmail", "give either recipient or outsideEmail, not both"));
        }
    }

    @Nested
    class OutsideEmail {

        @Test
        void isAnAddressOfBoundedLength() {
            for (String bad : new String[] {"not-an-address", "a@b", "x".repeat(120) + "@example.test"}) {
                assertThat(errorsOf(new ShareRequest(null, bad, "PT15M")))
                        .as(bad)
                        .containsExactly(
                                Map.entry("outsideEmail", "must be an email address of at most 128 characters"));
            }
        }
    }

    @Nested
    class Ttl {

        @Test
        void isARequiredIsoDurationOfAtMostADay() {
            assertThat(errorsOf(new ShareRequest("arjun", null, null)))
                    .containsExactly(Map.entry("ttl", "is required (ISO-8601, e.g. PT15M)"));
            assertThat(errorsOf(new ShareRequest("arjun", null, "15 minutes")))
                    .containsExactly(Map.entry("ttl", "must be an ISO-8601 duration such as PT15M"));
            for (String outOfRange : new String[] {"PT0S", "-PT1M", "PT24H1S", "P2D"}) {
                assertThat(errorsOf(new ShareRequest("arjun", null, outOfRange)))
                        .as(outOfRange)
                        .containsExactly(Map.entry("ttl", "must be more than zero and at most PT24H"));
            }
        }
    }

    private Map<String, String> errorsOf(ShareRequest request) {
        Errors errors = new SimpleErrors(request, "shareRequest");
        validator.forPartner("nikhil").validate(request, errors);
        Map<String, String> messages = new LinkedHashMap<>();
        errors.getFieldErrors().forEach(error -> messages.putIfAbsent(error.getField(), error.getDefaultMessage()));
        return messages;
    }
}
