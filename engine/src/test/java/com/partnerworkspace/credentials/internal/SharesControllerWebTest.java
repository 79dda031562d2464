package com.partnerworkspace.credentials.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.system.Refusal;
import com.partnerworkspace.testsupport.WebSlice;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Share links open without a token: the link and a mailed one-time code are the authority. */
@WebSlice(SharesController.class)
class SharesControllerWebTest {

    static final String LINK = "/api/shares/" + "a".repeat(43);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CredentialShares shares;

    @Test
    void aCodeIsSentWithoutAToken() throws Exception {
        when(shares.sendCode("a".repeat(43)))
                .thenReturn(new CredentialShares.CodeSent("a***@example.com", Instant.parse("2030-01-01T00:10:00Z")));

        mvc.perform(post(LINK + "/code"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.recipientHint").value("a***@example.com"))
                .andExpect(jsonPath("$.codeExpiresAt").value("2030-01-01T00:10:00Z"));
    }

    @Test
    void theOpenedCredentialIsNeverCached() throws Exception {
        when(shares.open("a".repeat(43), "123456"))
                .thenReturn(new CredentialShares.SharedCredential("Main", "broker-sim", Map.of("apiKey", "k")));

        mvc.perform(post(LINK + "/open").contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"123456\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.values.apiKey").value("k"));
    }

    @Test
    void aWrongCodeSaysHowManyAttemptsAreLeft() throws Exception {
        when(shares.open(any(), any()))
                .thenThrow(Refusal.of(HttpStatus.BAD_REQUEST, "invalid-share-code", "The one-time code is not right.")
                        .with("attemptsLeft", 3));

        mvc.perform(post(LINK + "/open").contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"000000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/invalid-share-code"))
                .andExpect(jsonPath("$.attemptsLeft").value(3));
    }

    @Test
    void aUsedLinkIsGone() throws Exception {
        when(shares.sendCode(any()))
                .thenThrow(Refusal.of(HttpStatus.GONE, "link-used-or-expired", "This link was opened before."));

        mvc.perform(post(LINK + "/code")).andExpect(status().isGone());
    }

    @Test
    void anOverlongCodeIsRefusedBeforeTheLinkIsTouched() throws Exception {
        mvc.perform(post(LINK + "/open")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + "1".repeat(65) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        verifyNoInteractions(shares);
    }
}
