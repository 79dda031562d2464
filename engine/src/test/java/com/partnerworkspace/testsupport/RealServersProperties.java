package com.partnerworkspace.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Points the engine at the run's real Keycloak, OpenBao, SMTP server and Slack/SMS receiver. */
@TestConfiguration(proxyBeanMethods = false)
public class RealServersProperties {

    @Bean
    DynamicPropertyRegistrar realServers() {
        return registry -> {
            KeycloakServer keycloak = RealServers.keycloak();
            OpenBaoServer openBao = RealServers.openBao();
            registry.add("workspace.keycloak.url", keycloak::url);
            registry.add("workspace.vault.url", openBao::url);
            registry.add("workspace.vault.role-id", openBao::roleId);
            registry.add("workspace.vault.secret-id", openBao::secretId);
            registry.add("spring.mail.port", () -> MailServer.shared().port());
            registry.add("workspace.notify.slack-webhook-url", () -> Receiver.slackUrl("workspace"));
            registry.add("workspace.notify.allowed-internal-targets", Receiver::target);
            registry.add("workspace.public-url", () -> EngineTest.BASE_URL);
        };
    }
}
