package com.partnerworkspace.workspace;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.testsupport.ModuleTest;
import com.partnerworkspace.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The workspace module with only what it declares (security, system): {@code GET /api/me} answers through
 * the real security chain with no delegations feature present (nobody holds a delegated scope).
 */
// The web security reads where Keycloak is: settings of the keycloak module, a dependency of security.
@ModuleTest(extraIncludes = "keycloak")
@AutoConfigureMockMvc
class WorkspaceModuleTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theProfileAnswersWithoutTheDelegationsFeature() throws Exception {
        mvc.perform(get("/api/me").with(Tokens.arjun()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("arjun"))
                .andExpect(jsonPath("$.delegations").isEmpty());
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
    }
}
