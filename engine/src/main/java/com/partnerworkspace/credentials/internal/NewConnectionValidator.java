package com.partnerworkspace.credentials.internal;

import com.partnerworkspace.broker.BrokerCatalogue;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** The rule of {@link NewConnection} that needs the broker catalogue: the broker must be one of its entries. */
@Component
class NewConnectionValidator implements Validator {

    static final String UNKNOWN_BROKER = "is not a known broker; GET /api/brokers lists them";

    private final Predicate<String> knownBroker;

    @Autowired
    NewConnectionValidator(BrokerCatalogue brokers) {
        this(id -> brokers.find(id).isPresent());
    }

    NewConnectionValidator(Predicate<String> knownBroker) {
        this.knownBroker = knownBroker;
    }

    @Override
    public boolean supports(Class<?> type) {
        return NewConnection.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        NewConnection request = (NewConnection) target;
        if (!errors.hasFieldErrors("broker") && !knownBroker.test(request.broker())) {
            errors.rejectValue("broker", "unknown", UNKNOWN_BROKER);
        }
    }
}
