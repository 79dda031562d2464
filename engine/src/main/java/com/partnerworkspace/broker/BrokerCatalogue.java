package com.partnerworkspace.broker;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The brokers partners can connect ({@code workspace.brokers}) and the adapter for each, handed out so
 * that no failure carries the call's keys or tokens (see {@link SecretMaskingAdapter}).
 */
@Component
@EnableConfigurationProperties(BrokerCatalogue.Entries.class)
public class BrokerCatalogue {

    private final List<Broker> brokers;
    private final Map<String, BrokerAdapter> adapters;

    BrokerCatalogue(Entries entries, List<BrokerAdapter> adapters) {
        this.adapters = adapters.stream().collect(Collectors.toMap(BrokerAdapter::protocol, SecretMaskingAdapter::new));
        for (Broker broker : entries.brokers()) {
            if (!this.adapters.containsKey(broker.adapter())) {
                throw new IllegalStateException("Broker " + broker.id() + " names adapter '" + broker.adapter()
                        + "', which does not exist; known: " + this.adapters.keySet());
            }
        }
        this.brokers = List.copyOf(entries.brokers());
    }

    public List<Broker> all() {
        return brokers;
    }

    public Optional<Broker> find(String id) {
        return brokers.stream().filter(broker -> broker.id().equals(id)).findFirst();
    }

    public BrokerAdapter adapterFor(Broker broker) {
        return adapters.get(broker.adapter());
    }

    @ConfigurationProperties("workspace")
    record Entries(List<Broker> brokers) {
        Entries {
            brokers = brokers == null ? List.of() : brokers;
        }
    }
}
