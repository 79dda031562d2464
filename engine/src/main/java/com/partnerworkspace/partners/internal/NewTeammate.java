package com.partnerworkspace.partners.internal;

import com.partnerworkspace.system.InputLimits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person a partner invites onto their team: the login name they will use, their name and email. */
record NewTeammate(
        @NotBlank
        @Size(min = 3, max = 32)
        @Pattern(
                regexp = "[a-z][a-z0-9.-]*[a-z0-9]",
                message = "must be lowercase: a-z, 0-9, . and -, starting with a letter")
        String username,

        @NotBlank @Size(max = InputLimits.NAME) String displayName,

        @NotBlank @Email @Size(max = InputLimits.EMAIL) String email) {

    NewTeammate {
        email = email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
        displayName = displayName == null ? null : displayName.trim();
        username = username == null ? null : username.trim();
    }
}
