package com.partnerworkspace.diagnostics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.diagnostics.internal.RedirectUriComparison.Difference;
import com.partnerworkspace.diagnostics.internal.RedirectUriComparison.Kind;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The redirect URI comparison: one kind of difference at a time, against what the workspace sends. */
class RedirectUriComparisonTest {

    private static final URI SENT = URI.create("https://workspace.example.com/api/brokers/callback");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NONE               | https://workspace.example.com/api/brokers/callback
            SCHEME             | http://workspace.example.com/api/brokers/callback
            SCHEME_CASE        | HTTPS://workspace.example.com/api/brokers/callback
            HOST               | https://portal.example.com/api/brokers/callback
            HOST_CASE          | https://Workspace.Example.com/api/brokers/callback
            LOOPBACK_VS_PUBLIC | https://127.0.0.1/api/brokers/callback
            PORT               | https://workspace.example.com:8443/api/brokers/callback
            PORT               | https://workspace.example.com:443/api/brokers/callback
            PATH               | https://workspace.example.com/api/broker/callback
            PATH_CASE          | https://workspace.example.com/api/brokers/Callback
            TRAILING_SLASH     | https://workspace.example.com/api/brokers/callback/
            ENCODING           | https://workspace.example.com/api/brokers%2Fcallback
            QUERY              | https://workspace.example.com/api/brokers/callback?x=1
            FRAGMENT           | https://workspace.example.com/api/brokers/callback#top
            INVALID            | workspace.example.com/api/brokers/callback
            INVALID            | https://workspace example.com/callback
            """)
    void eachKindOfDifferenceIsNamedAlone(String kind, String registered) {
        List<Difference> differences = RedirectUriComparison.compare(SENT, registered);
        if (kind.equals("NONE")) {
            assertThat(differences).isEmpty();
        } else {
            assertThat(differences).extracting(Difference::kind).containsExactly(Kind.valueOf(kind));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "http://localhost:8080/api/brokers/callback, http://LOCALHOST:8080/api/brokers/callback, HOST_CASE",
        "http://localhost:8080/api/brokers/callback, http://127.0.0.1:8080/api/brokers/callback, HOST",
        "http://localhost:8080/api/brokers/callback, https://partner.example.com/api/brokers/callback, SCHEME",
    })
    void loopbackHostsAreToldFromPublicOnes(String sent, String registered, String first) {
        List<Difference> differences = RedirectUriComparison.compare(URI.create(sent), registered);
        assertThat(differences.get(0).kind()).isEqualTo(Kind.valueOf(first));
        if (registered.contains("example.com")) {
            assertThat(differences).extracting(Difference::kind).contains(Kind.LOOPBACK_VS_PUBLIC, Kind.PORT);
        }
    }

    @org.junit.jupiter.api.Test
    void spacesCopiedAlongAreNamedAndTheRestStillCompared() {
        List<Difference> differences = RedirectUriComparison.compare(SENT, " " + SENT + "/\n");
        assertThat(differences).extracting(Difference::kind).containsExactly(Kind.WHITESPACE, Kind.TRAILING_SLASH);
        assertThat(differences.get(1).describe())
                .isEqualTo("trailing slash: \"/api/brokers/callback\" here, \"/api/brokers/callback/\" at the broker");
    }
}
