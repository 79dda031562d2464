package com.partnerworkspace.workspace;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.alerts.OpenAlerts;
import com.partnerworkspace.credentials.BrokerLatency;
import com.partnerworkspace.credentials.ConnectionStatus;
import com.partnerworkspace.delegations.DelegationOverview;
import com.partnerworkspace.inbox.WaitingTasks;
import com.partnerworkspace.testsupport.ModuleTest;
import com.partnerworkspace.testsupport.Tokens;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The workspace module with security, system, audit and keycloak, and the other features it reads (their
 * public query interfaces, the process engine) stood in for: {@code GET /api/me} answers through the real
 * security chain with no delegations feature present (nobody holds a delegated scope).
 */
// Standalone: the widgets read credentials, alerts, delegations and the inbox, whose own beans need Vault and the
// engine.
@ModuleTest(
        mode = BootstrapMode.STANDALONE,
        extraIncludes = {"security", "system", "audit", "keycloak"})
@AutoConfigureMockMvc
class WorkspaceModuleTest {

    @MockitoBean
    BrokerLatency brokerLatency;

    @MockitoBean
    ConnectionStatus connectionStatus;

    @MockitoBean
    OpenAlerts openAlerts;

    @MockitoBean
    DelegationOverview delegationOverview;

    @MockitoBean
    ProcessEngine processEngine;

    @MockitoBean
    DecisionService decisionService;

    @MockitoBean
    RepositoryService repositoryService;

    @MockitoBean
    RuntimeService runtimeService;

    @MockitoBean
    WaitingTasks waitingTasks;

    @MockitoBean
    HistoryService historyService;

    @MockitoBean
    ManagementService managementService;

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
