package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * {@code POST /api/connections}, checked the way the controller's binder checks it: Bean Validation on the
 * record, then {@link NewConnectionValidator} with a catalogue of one broker. No engine, no Spring context.
 */
class NewConnectionValidatorTest {

    private static final LocalValidatorFactoryBean BEAN_VALIDATION = beanValidation();
    private final NewConnectionValidator validator = new NewConnectionValidator(Set.of("broker-sim")::contains);

    @AfterAll
    static void close() {
        BEAN_VALIDATION.close();
    }

    @Nested
    class Accepts {

        @Test
        void aKnownBrokerWithALabelAndPrintableKeys() {
            assertThat(errorsOf(valid())).isEmpty();
        }
    }

    @Nested
    class Broker {

        @Test
        void isRequired() {
            assertThat(errorsOf(new NewConnection(" ", "Main", "key", "secret")))
                    .containsExactly(Map.entry("broker", "is required"));
        }

        @Test
        void mustBeInTheCatalogue() {
            assertThat(errorsOf(new NewConnection("no-such-broker", "Main", "key", "secret")))
                    .containsExactly(Map.entry("broker", "is not a known broker; GET /api/brokers lists them"));
        }

        @Test
        void anOverLongNameIsNotLookedUp() {
            assertThat(errorsOf(new NewConnection("b".repeat(101), "Main", "key", "secret")))
                    .containsOnlyKeys("broker")
                    .doesNotContainValue(NewConnectionValidator.UNKNOWN_BROKER);
        }
    }

    @Nested
    class Label {

        @Test
        void isRequired() {
            assertThat(errorsOf(new NewConnection("broker-sim", null, "key", "secret")))
                    .containsExactly(Map.entry("label", "is required"));
        }
    }

    @Nested
    class Keys {

        @Test
        void areRequired() {
            assertThat(errorsOf(new NewConnection("broker-sim", "Main", "", null)))
                    .containsOnly(Map.entry("apiKey", "is required"), Map.entry("apiSecret", "is required"));
        }

        @Test
        void arePrintableWithoutSpaces() {
            assertThat(errorsOf(new NewConnection("broker-sim", "Main", "has space", "tab\there")))
                    .containsOnly(
                            Map.entry("apiKey", "must be 1 to 200 printable characters without spaces"),
                            Map.entry("apiSecret", "must be 1 to 200 printable characters without spaces"));
        }
    }

    @Nested
    class EveryField {

        @Test
        void isNamedInOneAnswer() {
            assertThat(errorsOf(new NewConnection("nope", "", "", "")))
                    .containsOnlyKeys("broker", "label", "apiKey", "apiSecret");
        }
    }

    private static NewConnection valid() {
        return new NewConnection("broker-sim", "Main trading account", "partner-workspace", "broker-sim-secret");
    }

    /** Field → message, as {@code errors: [{field, message}]} carries them. */
    private Map<String, String> errorsOf(NewConnection request) {
        Errors errors = new DirectFieldBindingResult(request, "newConnection");
        BEAN_VALIDATION.validate(request, errors);
        validator.validate(request, errors);
        Map<String, String> messages = new LinkedHashMap<>();
        errors.getFieldErrors().forEach(error -> messages.putIfAbsent(error.getField(), error.getDefaultMessage()));
        return messages;
    }

    private static LocalValidatorFactoryBean beanValidation() {
        LocalValidatorFactoryBean validation = new LocalValidatorFactoryBean();
        validation.afterPropertiesSet();
        return validation;
    }
}
