package com.partnerworkspace.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.credentials.BrokerLatency.Point;
import com.partnerworkspace.testsupport.SliceGrants;
import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code GET /api/partners/{partner}/latency} through the real web security, {@code PartnerAccess} and
 * {@link LatencyReports}: who sees which connections' calls, the window and step rules as 400s naming the
 * parameter, and the SLA against the default target. Whoever sees the whole partner reads the partner's
 * buckets, a grant limited to connections reads theirs. The buckets ({@link LatencyRollups}) and the
 * connection list are stand-ins.
 */
@WebSlice(LatencyController.class)
@Import(LatencyReports.class)
class LatencyControllerWebTest {

    private static final Instant AT = Instant.parse("2030-03-04T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceGrants grants;

    @MockitoBean
    LatencyRollups rollups;

    @MockitoBean
    ConnectionRepository connections;

    @BeforeEach
    void twoConnectionsWithCalls() {
        when(connections.ofPartner("nikhil")).thenReturn(List.of(ConnectionsControllerWebTest.C1, connection("c-2")));
        LatencyRollups.Chart chart = new LatencyRollups.Chart(
                List.of(new Point(AT, 40, 120, 1, 100), new Point(AT.plusSeconds(300), 45, 700, 0, 100)),
                new Point(AT, 42, 650, 1, 200));
        when(rollups.chart(anyCollection(), any(), any(), any())).thenReturn(chart);
        when(rollups.partnerChart(any(), any(), any(), any())).thenReturn(chart);
    }

    @Nested
    class Who {

        @Test
        void theOwnerSeesTheSeriesAndTheSlaOfAllTheirConnections() throws Exception {
            latency("/api/partners/nikhil/latency?window=PT24H&step=PT5M", Tokens.nikhil())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.series.length()").value(2))
                    .andExpect(jsonPath("$.series[0].at").value(AT.toString()))
                    .andExpect(jsonPath("$.series[0].p50").value(40))
                    .andExpect(jsonPath("$.series[0].p95").value(120))
                    .andExpect(jsonPath("$.series[0].errors").value(1))
                    .andExpect(jsonPath("$.series[0].samples").value(100))
                    .andExpect(jsonPath("$.sla.target.p95Ms").value(500))
                    .andExpect(jsonPath("$.sla.target.errorRate").value(0.01))
                    .andExpect(jsonPath("$.sla.achieved.p95Ms").value(650))
                    .andExpect(jsonPath("$.sla.achieved.errorRate").value(0.005))
                    .andExpect(jsonPath("$.sla.achieved.withinTargetShare").value(0.5))
                    .andExpect(jsonPath("$.sla.achieved.met").value(false));
            verify(rollups).partnerChart(eq("nikhil"), any(), any(), eq(Duration.ofMinutes(5)));
        }

        @Test
        void opsSeeAnyPartner() throws Exception {
            latency("/api/partners/nikhil/latency", Tokens.omar()).andExpect(status().isOk());
        }

        @Test
        void anotherPartnerAndATeammateWithoutAGrantAreRefused() throws Exception {
            latency("/api/partners/nikhil/latency", Tokens.mukesh())
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            latency("/api/partners/nikhil/latency", Tokens.arjun()).andExpect(status().isForbidden());
            latency("/api/partners/nikhil/latency", Tokens.priya()).andExpect(status().isForbidden());
            verifyNoInteractions(rollups);
        }

        @Test
        void aTeammateSeesOnlyWhatTheirLiveGrantCovers() throws Exception {
            grants.give("arjun", "nikhil", "credentials:rotate");
            latency("/api/partners/nikhil/latency", Tokens.arjun()).andExpect(status().isForbidden());

            grants.give("arjun", "nikhil", ConnectionService.VIEW_SCOPE, "c-2");
            latency("/api/partners/nikhil/latency", Tokens.arjun()).andExpect(status().isOk());
            assertThat(chartedConnections()).containsExactly("c-2");
        }

        @Test
        void withoutATokenItIs401() throws Exception {
            mvc.perform(get("/api/partners/nikhil/latency")).andExpect(status().isUnauthorized());
        }
    }

    @Nested
    class WindowAndStep {

        @Test
        void theStepDefaultsByWindow() throws Exception {
            latency("/api/partners/nikhil/latency?window=P30D", Tokens.nikhil()).andExpect(status().isOk());
            verify(rollups).partnerChart(eq("nikhil"), any(), any(), eq(Duration.ofHours(6)));
        }

        @Test
        void aPointCoversWholeStepsAlignedToTheStep() throws Exception {
            latency("/api/partners/nikhil/latency?window=P7D&step=PT1H", Tokens.nikhil())
                    .andExpect(status().isOk());
            ArgumentCaptor<Instant> from = ArgumentCaptor.forClass(Instant.class);
            ArgumentCaptor<Instant> to = ArgumentCaptor.forClass(Instant.class);
            verify(rollups).partnerChart(eq("nikhil"), from.capture(), to.capture(), eq(Duration.ofHours(1)));
            assertThat(from.getValue().getEpochSecond() % 3600).isZero();
            assertThat(to.getValue().getEpochSecond() % 3600).isZero();
            assertThat(Duration.between(from.getValue(), to.getValue())).isEqualTo(Duration.ofDays(7));
        }

        @Test
        void aWindowThatIsNoDurationOrOutOfRangeIsA400NamingIt() throws Exception {
            for (String window : new String[] {"yesterday", "P1M", "PT1M", "P91D", "-PT24H"}) {
                refused("window=" + window, "window");
            }
        }

        @Test
        void aStepThatIsNoWholeFiveMinutesTooFineOrTooLongIsA400NamingIt() throws Exception {
            for (String query : new String[] {
                "window=PT24H&step=PT7M",
                "window=PT24H&step=PT1M",
                "window=PT24H&step=P2D",
                "window=P30D&step=PT5M",
                "window=P30D&step=PT15M",
                "window=PT24H&step=often"
            }) {
                refused(query, "step");
            }
        }

        private void refused(String query, String field) throws Exception {
            latency("/api/partners/nikhil/latency?" + query, Tokens.nikhil())
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors[0].field").value(field));
        }
    }

    @Test
    void withoutCallsTheSlaHasATargetButNothingAchieved() throws Exception {
        when(rollups.partnerChart(any(), any(), any(), any()))
                .thenReturn(new LatencyRollups.Chart(
                        List.of(new Point(AT, null, null, 0, 0)), new Point(AT, null, null, 0, 0)));
        latency("/api/partners/nikhil/latency", Tokens.nikhil())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.series[0].p95").doesNotExist())
                .andExpect(jsonPath("$.sla.target.p95Ms").value(500))
                .andExpect(jsonPath("$.sla.achieved.met").doesNotExist());
    }

    private ResultActions latency(String path, org.springframework.test.web.servlet.request.RequestPostProcessor token)
            throws Exception {
        return mvc.perform(get(path).with(token));
    }

    @SuppressWarnings("unchecked")
    private Collection<String> chartedConnections() {
        ArgumentCaptor<Collection<String>> ids = ArgumentCaptor.forClass(Collection.class);
        verify(rollups, org.mockito.Mockito.atLeastOnce()).chart(ids.capture(), any(), any(), any());
        return ids.getValue();
    }

    private static Connection connection(String id) {
        Connection c1 = ConnectionsControllerWebTest.C1;
        return new Connection(
                id,
                c1.partner(),
                c1.broker(),
                "Second",
                c1.storedState(),
                c1.maskedKey(),
                c1.createdBy(),
                c1.createdAt(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
