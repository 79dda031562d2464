package com.partnerworkspace.alerts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every {@link Channel} bean, in fallback order. */
@Component
class Channels {

    private final List<Channel> all;

    /** Spring hands the beans over in their {@code @Order}. */
    Channels(List<Channel> all) {
        this.all = List.copyOf(all);
    }

    List<String> names() {
        return all.stream().map(Channel::name).toList();
    }

    Optional<Channel> named(String name) {
        return all.stream().filter(channel -> channel.name().equals(name)).findFirst();
    }

    /** The other channels, in order after this one (wrapping around): where a channel that gave up falls back. */
    List<Channel> after(Channel channel) {
        int at = all.indexOf(channel);
        List<Channel> rest = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            rest.add(all.get((at + i) % all.size()));
        }
        return rest;
    }
}
