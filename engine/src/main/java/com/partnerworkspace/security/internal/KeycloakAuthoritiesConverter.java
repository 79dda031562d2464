package com.partnerworkspace.security.internal;

import com.partnerworkspace.security.WorkspaceUser;
import java.util.Collection;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Realm roles of a Keycloak token as {@code ROLE_<role>} authorities; roles the product does not know are ignored. */
final class KeycloakAuthoritiesConverter {

    private KeycloakAuthoritiesConverter() {}

    static Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        return WorkspaceUser.rolesOf(claims).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
