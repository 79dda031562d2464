package com.partnerworkspace.testsupport;

/** A real OpenBao (Vault API) server, provisioned like the stack's, with the engine's AppRole login. */
public record OpenBaoServer(String url, String roleId, String secretId) {

    @Override
    public String toString() {
        return "OpenBaoServer[" + url + "]";
    }
}
