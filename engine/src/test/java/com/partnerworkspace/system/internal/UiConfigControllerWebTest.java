package com.partnerworkspace.system.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.testsupport.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/ui-config}: public, and says where the UI logs people in. */
@WebSlice(UiConfigController.class)
class UiConfigControllerWebTest {

    @Autowired
    MockMvc mvc;

    @Test
    void answersEveryoneWithTheIssuerAndTheUiClient() throws Exception {
        mvc.perform(get("/api/ui-config"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issuer").value("http://localhost:8180/realms/partner-workspace"))
                .andExpect(jsonPath("$.clientId").value("workspace-ui"))
                // Keycloak on this machine: plain HTTP is acceptable.
                .andExpect(jsonPath("$.requireHttps").value(false))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("Content-Security-Policy"));
    }

    @Test
    void onlyItsGetIsPublic() throws Exception {
        mvc.perform(post("/api/ui-config")).andExpect(status().isUnauthorized());
    }
}
