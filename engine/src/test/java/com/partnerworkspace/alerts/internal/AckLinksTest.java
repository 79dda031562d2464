package com.partnerworkspace.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Links the engine signed itself, but no longer valid or never issued by it. */
@EngineTest
class AckLinksTest {

    @Autowired
    AckLinks links;

    @Test
    void anExpiredLinkAnswersGone() {
        String token = token(
                Instant.now().minusSeconds(60),
                links.signature(payload(Instant.now().minusSeconds(60))));

        Api.Response expired = Connections.post("/api/alert-links/" + token + "/ack", null, Map.of());

        assertThat(expired.status()).as(expired.body()).isEqualTo(410);
        assertThat(expired.json().get("type").asText()).endsWith("alert-link-expired");
    }

    @Test
    void aLinkSignedWithAnotherKeyIsNotOurs() {
        Instant later = Instant.now().plusSeconds(600);
        byte[] forged = new byte[32];

        Api.Response refused = Api.get("/api/alert-links/" + token(later, forged), null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("type").asText()).endsWith("alert-link-invalid");
    }

    private static String payload(Instant expires) {
        return String.join("|", "v1", ALERT, "1", "email", String.valueOf(expires.getEpochSecond()), "00ff");
    }

    private static String token(Instant expires, byte[] signature) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString(payload(expires).getBytes(StandardCharsets.UTF_8)) + "~"
                + url.encodeToString(signature);
    }

    private static final String ALERT = UUID.randomUUID().toString();
}
