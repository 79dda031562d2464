package com.partnerworkspace.workspace.internal.widgets;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.alerts.OpenAlerts;
import com.partnerworkspace.audit.AuditEntries;
import com.partnerworkspace.credentials.BrokerLatency;
import com.partnerworkspace.credentials.ConnectionStatus;
import com.partnerworkspace.delegations.DelegationOverview;
import com.partnerworkspace.inbox.WaitingTasks;
import com.partnerworkspace.keycloak.KeycloakDirectory;
import com.partnerworkspace.keycloak.KeycloakLogins;
import com.partnerworkspace.keycloak.Person;
import com.partnerworkspace.testsupport.SliceGrants;
import com.partnerworkspace.testsupport.Tokens;
import com.partnerworkspace.testsupport.WebSlice;
import com.partnerworkspace.workspace.internal.metrics.SeedMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code GET /api/workspace/widgets/{widget}} through the real web security, {@code PartnerAccess} and every
 * real widget bean; the other features' query interfaces, Keycloak and the Camunda services are stand-ins.
 * Who may see what (404 unknown, 403 by role or partner), the window and partner rules as 400s, and what
 * each widget makes of its sources.
 */
@WebSlice(WidgetsController.class)
@Import({
    Widgets.class,
    LoginHealthWidget.class,
    BrokerConnectionsWidget.class,
    UpcomingRotationsWidget.class,
    LatencyWidget.class,
    DelegationsWidget.class,
    AlertsWidget.class,
    AuditWidget.class,
    ApprovalsWidget.class,
    PlatformHealthWidget.class,
    PartnerOverviewWidget.class,
    OnboardingWidget.class,
    SeedMetricsWidget.class
})
class WidgetsControllerWebTest {

    private static final Instant SOON = Instant.now().plus(Duration.ofHours(1));
    private static final Instant LATER = Instant.now().plus(Duration.ofHours(2));

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceGrants grants;

    @MockitoBean
    ConnectionStatus connections;

    @MockitoBean
    BrokerLatency latency;

    @MockitoBean
    DelegationOverview delegations;

    @MockitoBean
    OpenAlerts alerts;

    @MockitoBean
    AuditEntries audit;

    @MockitoBean
    KeycloakLogins logins;

    @MockitoBean
    KeycloakDirectory directory;

    @MockitoBean
    WaitingTasks waitingTasks;

    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
    HistoryService history;

    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
    RuntimeService runtime;

    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
    ManagementService management;

    @MockitoBean
    ProcessEngine engine;

    @MockitoBean
    SeedMetrics seedMetrics;

    @Nested
    class Refusals {

        @Test
        void anUnknownWidgetIsA404Problem() throws Exception {
            widget("/api/workspace/widgets/stock-tips", Tokens.nikhil())
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("https://partner-workspace/problems/widget-not-found"));
        }

        @Test
        void aWidgetForAnotherRoleIsA403Problem() throws Exception {
            for (String opsOnly : new String[] {"platform-health", "partner-overview", "seed-metrics"}) {
                widget("/api/workspace/widgets/" + opsOnly, Tokens.nikhil())
                        .andExpect(status().isForbidden())
                        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
                widget("/api/workspace/widgets/" + opsOnly, Tokens.priya()).andExpect(status().isForbidden());
            }
            widget("/api/workspace/widgets/approvals", Tokens.nikhil()).andExpect(status().isForbidden());
            verifyNoInteractions(waitingTasks, runtime, connections, seedMetrics);
        }

        @Test
        void anotherPartnersWidgetsAreRefusedAndATeammateSeesOnlyWhatAGrantCovers() throws Exception {
            for (String partnerWidget :
                    new String[] {"broker-connections", "upcoming-rotations", "delegations", "audit", "onboarding"}) {
                widget("/api/workspace/widgets/" + partnerWidget + "?partner=nikhil", Tokens.mukesh())
                        .andExpect(status().isForbidden());
                widget("/api/workspace/widgets/" + partnerWidget, Tokens.arjun())
                        .andExpect(status().isForbidden());
            }

            grants.give("arjun", "nikhil", "credentials:view-status");
            widget("/api/workspace/widgets/broker-connections", Tokens.arjun()).andExpect(status().isOk());
            widget("/api/workspace/widgets/delegations", Tokens.arjun()).andExpect(status().isForbidden());
            widget("/api/workspace/widgets/audit", Tokens.arjun()).andExpect(status().isForbidden());
        }

        @Test
        void aWindowOutsideTheThreeIsA400NamingIt() throws Exception {
            widget("/api/workspace/widgets/alerts?window=PT1H", Tokens.nikhil())
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("window"));
        }

        @Test
        void opsNameThePartnerOfAPartnerWidget() throws Exception {
            widget("/api/workspace/widgets/broker-connections", Tokens.omar())
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("partner"));
            widget("/api/workspace/widgets/broker-connections?partner=nikhil", Tokens.omar())
                    .andExpect(status().isOk());
        }

        /** Ops' and approvers' default dashboards hold these two: they have no partner to name. */
        @Test
        void withoutAPartnerOpsSeeEveryPartnersAlertsAndTheWholeTrailAndAnApproverTheirOwnActs() throws Exception {
            when(alerts.ofAllPartners(any(), any())).thenReturn(List.of(alert("a-1", "CRITICAL")));
            when(audit.recent(isNull(), any(), anyInt()))
                    .thenReturn(List.of(new AuditEntries.Entry(1, Instant.now(), "nitin", "connection.created", "c")));
            when(audit.recentBy(eq("priya"), any(), anyInt()))
                    .thenReturn(List.of(new AuditEntries.Entry(2, Instant.now(), "priya", "delegation.approved", "d")));

            widget("/api/workspace/widgets/alerts", Tokens.omar())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.bySeverity.CRITICAL").value(1));
            widget("/api/workspace/widgets/audit", Tokens.omar())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.entries[0].actor").value("nitin"));
            widget("/api/workspace/widgets/audit", Tokens.priya())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.entries[0].actor").value("priya"));
        }

        @Test
        void withoutATokenItIs401() throws Exception {
            mvc.perform(get("/api/workspace/widgets/alerts")).andExpect(status().isUnauthorized());
        }
    }

    @Nested
    class Data {

        @Test
        void brokerConnectionsCarryStateTokenAgeCutOffAndTheFixingAction() throws Exception {
            when(connections.visibleTo(any(), eq("nikhil")))
                    .thenReturn(List.of(
                            summary("c-1", "EXPIRED", null, SOON, ConnectionStatus.Action.RECONNECT),
                            summary("c-2", "ACTIVE", LATER, null, null)));

            widget("/api/workspace/widgets/broker-connections", Tokens.nikhil())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.widget").value("broker-connections"))
                    .andExpect(jsonPath("$.generatedAt").exists())
                    .andExpect(jsonPath("$.data.connections[0].state").value("EXPIRED"))
                    .andExpect(jsonPath("$.data.connections[0].tokenAgeSeconds").value(3600))
                    .andExpect(jsonPath("$.data.connections[0].dailyCutOffAt").value(SOON.toString()))
                    .andExpect(jsonPath("$.data.connections[0].action").value("RECONNECT"))
                    .andExpect(jsonPath("$.data.connections[1].action").doesNotExist());
        }

        @Test
        void upcomingRotationsAndLoginsComeSoonestFirstAndOnlyForUsableConnections() throws Exception {
            when(connections.visibleTo(any(), eq("nikhil")))
                    .thenReturn(List.of(
                            summary("rotates", "ACTIVE", LATER, null, null),
                            summary("daily", "EXPIRING", null, SOON, ConnectionStatus.Action.RECONNECT),
                            summary("gone", "EXPIRED", null, Instant.now(), ConnectionStatus.Action.RECONNECT)));

            widget("/api/workspace/widgets/upcoming-rotations", Tokens.nikhil())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.upcoming.length()").value(2))
                    .andExpect(jsonPath("$.data.upcoming[0].connectionId").value("daily"))
                    .andExpect(jsonPath("$.data.upcoming[0].kind").value("LOGIN"))
                    .andExpect(jsonPath("$.data.upcoming[1].connectionId").value("rotates"))
                    .andExpect(jsonPath("$.data.upcoming[1].kind").value("ROTATION"));
        }

        @Test
        void alertsAreCountedBySeverity() throws Exception {
            when(alerts.of(any(), eq("nikhil"), any()))
                    .thenReturn(List.of(alert("a-1", "CRITICAL"), alert("a-2", "WARNING"), alert("a-3", "WARNING")));

            widget("/api/workspace/widgets/alerts?window=P7D", Tokens.nikhil())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.bySeverity.CRITICAL").value(1))
                    .andExpect(jsonPath("$.data.bySeverity.WARNING").value(2))
                    .andExpect(jsonPath("$.data.bySeverity.INFO").value(0))
                    .andExpect(jsonPath("$.data.alerts.length()").value(3));
        }

        @Test
        void theOnboardingChecklistTicksFromRealState() throws Exception {
            when(directory.ownUsersOf("nikhil")).thenReturn(List.of(new Person("nikhil", "Nikhil", "n@x")));
            when(logins.otpSetUp("nikhil")).thenReturn(true);
            when(connections.visibleTo(any(), eq("nikhil")))
                    .thenReturn(List.of(summary("c-1", "ACTIVE", LATER, null, null)));
            when(alerts.choseChannels("nikhil")).thenReturn(false);
            when(delegations.of(eq("nikhil"), any(), any()))
                    .thenReturn(new DelegationOverview.Overview(List.of(), List.of(), List.of()));

            widget("/api/workspace/widgets/onboarding", Tokens.nikhil())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.steps[0].id").value("mfa"))
                    .andExpect(jsonPath("$.data.steps[0].done").value(true))
                    .andExpect(jsonPath("$.data.steps[1].done").value(true))
                    .andExpect(jsonPath("$.data.steps[2].done").value(false))
                    .andExpect(jsonPath("$.data.steps[3].done").value(false))
                    .andExpect(jsonPath("$.data.complete").value(false));
        }

        @Test
        void loginHealthIsTheCallersOwnOverTheWindow() throws Exception {
            Instant lastLogin = Instant.parse("2030-01-01T08:00:00Z");
            Instant sessionEnds = lastLogin.plus(Duration.ofHours(10));
            when(logins.of(eq("arjun"), any(), any(), any()))
                    .thenReturn(new KeycloakLogins.LoginHealth(true, lastLogin, 3, lastLogin, false, sessionEnds));

            widget("/api/workspace/widgets/login-health?window=P7D", Tokens.arjun())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.lastLoginAt").value(lastLogin.toString()))
                    .andExpect(jsonPath("$.data.failedLogins").value(3))
                    .andExpect(jsonPath("$.data.mfaSetUp").value(false))
                    .andExpect(jsonPath("$.data.window").value("PT168H"))
                    .andExpect(jsonPath("$.data.sessionExpiresAt").value(sessionEnds.toString()));
        }

        @Test
        void platformHealthNamesEachServerTheExecutorIncidentsAndFailedJobs() throws Exception {
            ProcessEngineConfigurationImpl configuration = mock(ProcessEngineConfigurationImpl.class);
            when(engine.getProcessEngineConfiguration()).thenReturn(configuration);
            when(logins.adminApiAnswers()).thenReturn(true);
            when(runtime.createIncidentQuery().count()).thenReturn(2L);
            when(management.createJobQuery().noRetriesLeft().count()).thenReturn(1L);

            widget("/api/workspace/widgets/platform-health", Tokens.omar())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.components[?(@.id=='keycloak')].status")
                            .value("UP"))
                    .andExpect(
                            jsonPath("$.data.components[?(@.id=='db')].status").value("UNKNOWN"))
                    .andExpect(jsonPath("$.data.jobExecutorActive").value(false))
                    .andExpect(jsonPath("$.data.incidents").value(2))
                    .andExpect(jsonPath("$.data.failedJobs").value(1));
        }

        @Test
        void approvalsAreTheInboxsWaitingTasksWithTheirAgeAndTheApproversMedianDecisionTime() throws Exception {
            Instant created = Instant.now().minus(Duration.ofHours(3));
            when(waitingTasks.oldest(
                            argThat(user -> user.username().equals("priya")), eq("delegation-approval"), eq(50)))
                    .thenReturn(List.of(new WaitingTasks.Waiting("task-1", "Approve delegation", created)));
            List<HistoricTaskInstance> decided = List.of(decidedIn(600_000L), decidedIn(60_000L), decidedIn(120_000L));
            HistoricTaskInstanceQuery decisions = mock(HistoricTaskInstanceQuery.class, Answers.RETURNS_SELF);
            when(history.createHistoricTaskInstanceQuery()).thenReturn(decisions);
            when(decisions.listPage(0, 100)).thenReturn(decided);

            widget("/api/workspace/widgets/approvals", Tokens.priya())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.waiting[0].taskId").value("task-1"))
                    .andExpect(jsonPath("$.data.waiting[0].name").value("Approve delegation"))
                    .andExpect(jsonPath("$.data.waiting[0].ageSeconds")
                            .value(allOf(greaterThanOrEqualTo(3 * 3600), lessThan(3 * 3600 + 60))))
                    .andExpect(jsonPath("$.data.myMedianDecisionSeconds").value(120))
                    .andExpect(jsonPath("$.data.decisionsCounted").value(3));
            verify(decisions).taskAssignee("priya");
            verify(decisions).processDefinitionKey("delegation-approval");
        }

        @Test
        void seedMetricsShowOpsTheSeedsMeasures() throws Exception {
            Instant invited = Instant.parse("2026-11-02T09:00:00Z");
            when(seedMetrics.now())
                    .thenReturn(new SeedMetrics.Metrics(
                            invited.plus(Duration.ofDays(1)),
                            List.of(new SeedMetrics.Onboarding(
                                    "ravi", invited, invited.plus(Duration.ofMinutes(18)), 18L)),
                            List.of(new SeedMetrics.Decisions("2026-11", 7, 2)),
                            new SeedMetrics.Satisfaction(
                                    2,
                                    4.5,
                                    Map.of(1, 0, 2, 0, 3, 0, 4, 1, 5, 1),
                                    List.of(new SeedMetrics.MonthScore("2026-11", 2, 4.5)))));

            widget("/api/workspace/widgets/seed-metrics", Tokens.omar())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.widget").value("seed-metrics"))
                    .andExpect(jsonPath("$.data.onboarding[0].minutes").value(18))
                    .andExpect(jsonPath("$.data.approvalsPerMonth[0].approved").value(7))
                    .andExpect(jsonPath("$.data.satisfaction.average").value(4.5));
        }

        @Test
        void latencyIsTheSummaryOfTheWindow() throws Exception {
            BrokerLatency.Sla sla = new BrokerLatency.Sla(
                    BrokerLatency.Targets.DEFAULT, new BrokerLatency.Achieved(120, 0.0, 1.0, true));
            when(latency.summary(any(), eq("nikhil"), eq(Duration.ofDays(30))))
                    .thenReturn(new BrokerLatency.LatencySummary(Duration.ofDays(30), 40, 120, 0, 8640, 2, sla));

            widget("/api/workspace/widgets/latency?window=P30D", Tokens.nikhil())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.summary.p95").value(120))
                    .andExpect(jsonPath("$.data.summary.sla.achieved.met").value(true));
        }
    }

    private static HistoricTaskInstance decidedIn(long millis) {
        HistoricTaskInstance task = mock(HistoricTaskInstance.class);
        when(task.getDurationInMillis()).thenReturn(millis);
        return task;
    }

    private ResultActions widget(String path, RequestPostProcessor token) throws Exception {
        return mvc.perform(get(path).with(token));
    }

    private static ConnectionStatus.Summary summary(
            String id, String state, Instant nextRotationAt, Instant dailyCutOffAt, ConnectionStatus.Action action) {
        Instant expiresAt = dailyCutOffAt != null ? dailyCutOffAt : LATER.plus(Duration.ofHours(1));
        return new ConnectionStatus.Summary(
                id,
                "Label " + id,
                "broker-sim",
                "Broker Sim",
                state,
                Instant.now().minus(Duration.ofHours(1)),
                3600L,
                expiresAt,
                dailyCutOffAt,
                nextRotationAt,
                null,
                action,
                null);
    }

    private static OpenAlerts.Summary alert(String id, String severity) {
        return new OpenAlerts.Summary(
                id, "credential.expiring", "connection/c-1", severity, "s", "OPEN", 1, Instant.now(), Instant.now());
    }
}
