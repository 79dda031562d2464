package com.partnerworkspace.partners.internal;

import com.partnerworkspace.system.InputLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What ops type to add a partner; the id becomes the group, the username and the path segment. */
record NewPartner(
        @NotBlank
        @Size(min = 3, max = 32)
        @Pattern(
                regexp = "[a-z][a-z0-9-]*[a-z0-9]",
                message = "must be a lowercase slug: a-z, 0-9 and -, starting with a letter")
        String id,

        @NotBlank @Size(max = InputLimits.NAME) String displayName,

        @NotBlank @Email @Size(max = InputLimits.EMAIL) String email,

        @NotNull @Valid PersonaTraits traits) {

    NewPartner {
        email = email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
        displayName = displayName == null ? null : displayName.trim();
    }
}
