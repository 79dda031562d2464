package com.partnerworkspace.workspace.internal.layout;

import com.partnerworkspace.alerts.PersonaChannels;
import java.util.List;
import org.springframework.stereotype.Component;

/** The alerts feature's default channels, from the same persona decision as the workspace's. */
@Component
class PersonaAlertChannels implements PersonaChannels {

    private final PersonaDefaults defaults;

    PersonaAlertChannels(PersonaDefaults defaults) {
        this.defaults = defaults;
    }

    @Override
    public List<String> of(String partner) {
        return defaults.ofPartner(partner).alertChannels();
    }
}
