package com.partnerworkspace.credentials.internal;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter;
import com.partnerworkspace.broker.BrokerCatalogue;
import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The broker catalogue and the broker login's public return address. */
@WebSlice(BrokersController.class)
@Import(BrowserBindingCookie.class)
class BrokersControllerWebTest {

    static final Broker KITE = new Broker(
            "kite",
            "Zerodha Kite Connect",
            "kite-connect",
            URI.create("http://k"),
            URI.create("http://k"),
            null,
            null,
            null,
            null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    BrokerCatalogue brokers;

    @MockitoBean
    ConnectionService connections;

    @Test
    void theCatalogueNamesEachBrokerItsLabelsAndWhatItsAdapterCanDo() throws Exception {
        BrokerAdapter adapter = mock(BrokerAdapter.class);
        when(adapter.supportsRefresh()).thenReturn(false);
        when(adapter.supportsRevocation()).thenReturn(true);
        when(brokers.all()).thenReturn(List.of(KITE));
        when(brokers.adapterFor(KITE)).thenReturn(adapter);

        mvc.perform(get("/api/brokers").with(Tokens.arjun()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("kite"))
                .andExpect(jsonPath("$[0].apiKeyLabel").value("API key"))
                .andExpect(jsonPath("$[0].supportsRefresh").value(false))
                .andExpect(jsonPath("$[0].supportsRevocation").value(true));
    }

    @Test
    void theCallbackSendsTheStartingBrowserToItsConnectionAndClearsTheCookie() throws Exception {
        when(connections.completeLogin(anyMap(), any())).thenAnswer(call -> {
            java.util.function.Function<String, java.util.Optional<String>> bindingOf = call.getArgument(1);
            return new ConnectionService.LoginReturn(
                    "c-1", bindingOf.apply("c-1").isEmpty());
        });
        when(connections.get("c-1")).thenReturn(ConnectionsControllerWebTest.C1);

        mvc.perform(get("/api/brokers/callback?state=s&code=x").cookie(new Cookie("broker_login_c-1", "binding")))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "http://localhost:8080/credentials?connected=c-1"))
                .andExpect(header().string("Set-Cookie", containsString("broker_login_c-1=;")));
    }

    @Test
    void anotherBrowserIsToldTheLoginWasNotItsToFinish() throws Exception {
        when(connections.completeLogin(anyMap(), any())).thenAnswer(call -> {
            java.util.function.Function<String, java.util.Optional<String>> bindingOf = call.getArgument(1);
            return new ConnectionService.LoginReturn(
                    "c-1", bindingOf.apply("c-1").isEmpty());
        });

        mvc.perform(get("/api/brokers/callback?state=s&code=x"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "http://localhost:8080/credentials/login-elsewhere"))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void theCatalogueNeedsAToken() throws Exception {
        mvc.perform(get("/api/brokers")).andExpect(status().isUnauthorized());
        verifyNoInteractions(brokers);
    }
}
