package com.partnerworkspace.security;

/** The caller may not act for this partner (answered 403). Names the partner and scope, nothing else. */
public class PartnerAccessDeniedException extends RuntimeException {

    private final String partner;
    private final String scope;

    public PartnerAccessDeniedException(String partner, String scope) {
        super("May not act for partner " + partner + (scope == null ? "" : " with scope " + scope));
        this.partner = partner;
        this.scope = scope;
    }

    public String partner() {
        return partner;
    }

    public String scope() {
        return scope;
    }
}
