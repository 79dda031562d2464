package com.partnerworkspace.partners.internal;

import static com.partnerworkspace.credentials.Connections.post;
import static com.partnerworkspace.credentials.Connections.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerworkspace.credentials.Connections;
import com.partnerworkspace.testsupport.Api;
import com.partnerworkspace.testsupport.EngineTest;
import com.partnerworkspace.testsupport.KeycloakAdmin;
import com.partnerworkspace.testsupport.MailServer;
import com.partnerworkspace.testsupport.RealServers;
import com.partnerworkspace.testsupport.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Adding a partner through the API with real tokens: partner-invitation runs on the engine's job executor
 * against the real Keycloak, Keycloak's setup email and the welcome email arrive at the real SMTP server.
 */
@EngineTest
class PartnersApiTest {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);
    private static KeycloakAdmin admin;

    @Autowired
    InvitationSteps steps;

    @Autowired
    JdbcClient db;

    @Autowired
    TestClock clock;

    @BeforeAll
    static void keycloakMailsToThisRunsSmtpServer() {
        admin = new KeycloakAdmin(RealServers.keycloak());
        admin.useSmtpServer(MailServer.shared().port());
    }

    @Test
    void opsAddAPartnerWhoGetsGroupUserSetupEmailAndWelcome() {
        String id = newId();
        String email = id + "@partner-workspace.local";
        long started = System.nanoTime();

        Api.Response added = post("/api/partners", token("omar"), newPartner(id, email));

        assertThat(added.status()).as(added.body()).isEqualTo(202);
        assertThat(added.json().get("id").asText()).isEqualTo(id);
        assertThat(added.json().get("invitation").asText()).isNotBlank();

        MailServer.Mail setup = MailServer.shared()
                .awaitMail(email, mail -> mail.body().contains("login-actions/action-token"), MAIL_WAIT);
        MailServer.Mail welcome = MailServer.shared()
                .awaitMail(email, mail -> mail.subject().startsWith("Welcome to Partner Workspace"), MAIL_WAIT);
        long invitedMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Partner %s added: setup and welcome emails arrived %d ms after the POST%n", id, invitedMs);
        assertThat(setup.body()).contains("Update Password").contains("Configure OTP");
        assertThat(welcome.body()).contains("/workspace").doesNotContain("action-token");

        JsonNode user = onlyUser(id);
        assertThat(user.get("email").asText()).isEqualTo(email);
        assertThat(texts(user.get("requiredActions"))).containsExactlyInAnyOrder("UPDATE_PASSWORD", "CONFIGURE_TOTP");
        assertThat(texts(admin.get("users/" + user.get("id").asText() + "/groups"), "path"))
                .containsExactly("/partners/" + id);
        assertThat(texts(admin.get("users/" + user.get("id").asText() + "/role-mappings/realm"), "name"))
                .contains("partner");

        JsonNode listed = partnerListed(id);
        assertThat(listed.get("displayName").asText()).isEqualTo("Ravi Kumar");
        assertThat(listed.get("email").asText()).isEqualTo(email);
        // Kept by Keycloak only while the realm's user profile declares the persona.* attributes.
        assertThat(user.at("/attributes/persona.tradingStyle/0").asText()).isEqualTo("intraday");
        assertThat(user.at("/attributes/persona.preferredChannels/0").asText()).isEqualTo("email,sms");
        assertThat(listed.at("/traits/tradingStyle").asText()).isEqualTo("intraday");
        assertThat(listed.at("/traits/brokerCount").asText()).isEqualTo("1");
        assertThat(listed.at("/onboarding/state").asText()).isEqualTo("INVITED");
        assertThat(listed.at("/onboarding/invitedAt").asText()).isNotBlank();
        assertThat(listed.at("/onboarding/firstActiveAt").isNull()).isTrue();
        assertThat(auditActions(id))
                .contains(
                        "partner.invited",
                        "partner.group-created",
                        "partner.user-created",
                        "partner.setup-email-sent",
                        "partner.persona-defaults-applied",
                        "partner.welcome-sent");

        // The alerts feature follows the same persona: an intraday trader (email, SMS) who has not chosen
        // channels hears a critical alert (routed to email, Slack and SMS) on email and SMS, not on Slack.
        Api.Response raised = post("/api/alerts/test", token("omar"), Map.of("partner", id, "severity", "CRITICAL"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String alertId = raised.json().get("id").asText();
        clock.awaitTimerOf(alertId); // the first level went out; the escalation waits
        JsonNode delivered =
                Api.get("/api/alerts/" + alertId, token("omar")).json().get("deliveries");
        assertThat(delivered.findValuesAsText("channel")).containsExactlyInAnyOrder("email", "sms");
        assertThat(delivered.findValuesAsText("recipient")).contains(email);
    }

    /**
     * The seed's measure, end to end: ops add the partner, the partner sets a password and a one-time code
     * from Keycloak's email and connects broker-sim; the list shows each state and the time to onboard.
     */
    @Test
    void aNewPartnerIsOnboardedFromTheInvitationToAnActiveConnection() {
        String id = newId();
        String email = id + "@partner-workspace.local";
        long started = System.nanoTime();
        assertThat(post("/api/partners", token("omar"), newPartner(id, email)).status())
                .isEqualTo(202);
        MailServer.Mail setup = MailServer.shared()
                .awaitMail(email, mail -> mail.body().contains("login-actions/action-token"), MAIL_WAIT);
        assertThat(partnerListed(id).at("/onboarding/state").asText()).isEqualTo("INVITED");

        RealServers.keycloak().completeAccountSetup(setupLink(setup.body()), id);
        assertThat(onlyUser(id).path("requiredActions")).isEmpty();
        assertThat(partnerListed(id).at("/onboarding/state").asText()).isEqualTo("ACCOUNT_SET_UP");

        Connections.connectedOk(id, "First broker");
        long onboardedMs = (System.nanoTime() - started) / 1_000_000;

        JsonNode onboarding = partnerListed(id).get("onboarding");
        System.out.printf(
                "Partner %s onboarded (invitation to first Active connection) in %d ms; listed: %s%n",
                id, onboardedMs, onboarding);
        assertThat(onboarding.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(onboarding.get("firstActiveAt").asText()).isNotBlank();
        assertThat(onboarding.get("minutesToOnboard").asLong()).isLessThan(30);
        assertThat(Api.get("/api/metrics/seed", token("omar")).body()).contains("\"partner\":\"" + id + "\"");
    }

    private static java.net.URI setupLink(String mailBody) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(http\\S+login-actions/action-token\\S+)")
                .matcher(mailBody);
        assertThat(link.find()).as("the setup link in %s", mailBody).isTrue();
        return java.net.URI.create(link.group(1).replace("&amp;", "&"));
    }

    @Test
    void aStepRetriedAfterKeycloakFailedHalfWayMakesNoSecondGroupOrUser() {
        String id = newId();
        String email = id + "@partner-workspace.local";
        assertThat(post("/api/partners", token("omar"), newPartner(id, email)).status())
                .isEqualTo(202);
        MailServer.shared()
                .awaitMail(email, mail -> mail.subject().startsWith("Welcome to Partner Workspace"), MAIL_WAIT);

        // As a job does when Keycloak failed after it made the group and the user, before the engine committed.
        steps.createGroup(id);
        steps.createUser(id);

        assertThat(admin.get("groups?search=" + id + "&exact=true").findValues("path").stream()
                        .map(JsonNode::asText)
                        .filter(path -> path.equals("/partners/" + id))
                        .toList())
                .hasSize(1);
        JsonNode user = onlyUser(id);
        assertThat(texts(admin.get("users/" + user.get("id").asText() + "/groups"), "path"))
                .containsExactly("/partners/" + id);
        assertThat(db.sql("select count(*) from partner_invitation where partner = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(auditActions(id)).contains("partner.user-created");
        assertThat(auditDetails(id, "partner.user-created"))
                .as("the first run made the user, the retry found it")
                .hasSize(2)
                .anySatisfy(details -> assertThat(details).contains("\"foundAfterRetry\":false"))
                .anySatisfy(details -> assertThat(details).contains("\"foundAfterRetry\":true"));
    }

    @Test
    void aDuplicateIdOrEmailIsA409NamingTheFieldAndCreatesNothing() {
        String id = newId();
        String email = id + "@partner-workspace.local";
        assertThat(post("/api/partners", token("omar"), newPartner(id, email)).status())
                .isEqualTo(202);

        Api.Response sameId = post("/api/partners", token("omar"), newPartner(id, "other-" + email));
        assertThat(sameId.status()).as(sameId.body()).isEqualTo(409);
        assertThat(sameId.contentType()).startsWith("application/problem+json");
        assertThat(sameId.body()).contains("\"field\":\"id\"");

        String second = newId();
        Api.Response sameEmail = post("/api/partners", token("omar"), newPartner(second, email.toUpperCase()));
        assertThat(sameEmail.status()).as(sameEmail.body()).isEqualTo(409);
        assertThat(sameEmail.body()).contains("\"field\":\"email\"");

        Api.Response launchPartner =
                post("/api/partners", token("omar"), newPartner("nikhil", second + "@partner-workspace.local"));
        assertThat(launchPartner.status()).isEqualTo(409);
        Api.Response existingEmail =
                post("/api/partners", token("omar"), newPartner(second, "nikhil@partner-workspace.local"));
        assertThat(existingEmail.status()).isEqualTo(409);

        assertThat(admin.get("users?username=" + second + "&exact=true")).isEmpty();
        assertThat(Api.get("/api/partners", token("omar")).body()).doesNotContain("\"" + second + "\"");
    }

    @Test
    void badInputIsA400NamingEachFieldAndStartsNothing() {
        Map<String, Object> body = newPartner("Bad Id", "not-an-email");
        body.put(
                "traits",
                Map.of(
                        "tradingStyle", "scalping",
                        "latencySensitivity", "high",
                        "brokerCount", 1,
                        "teamSize", 1,
                        "preferredChannels", "email,pager",
                        "experience", "new"));

        Api.Response refused = post("/api/partners", token("omar"), body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body())
                .contains("\"field\":\"id\"")
                .contains("\"field\":\"email\"")
                .contains("\"field\":\"traits.tradingStyle\"")
                .contains("\"field\":\"traits.preferredChannels\"");
    }

    @Test
    void onlyOpsListOrAddPartners() {
        String id = newId();
        Api.Response byPartner =
                post("/api/partners", token("nikhil"), newPartner(id, id + "@partner-workspace.local"));
        assertThat(byPartner.status()).isEqualTo(403);
        assertThat(byPartner.contentType()).startsWith("application/problem+json");
        assertThat(post("/api/partners", token("nikhil"), Map.of()).status()).isEqualTo(403);
        assertThat(Api.get("/api/partners", token("nikhil")).status()).isEqualTo(403);
        assertThat(Api.get("/api/partners", token("priya")).status()).isEqualTo(403);
        assertThat(admin.get("users?username=" + id + "&exact=true")).isEmpty();

        Api.Response listed = Api.get("/api/partners", token("omar"));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(texts(listed.json(), "id")).contains("nikhil", "mukesh", "raja", "nitin");
    }

    /**
     * "Invite a teammate" of the onboarding checklist: a user on the new partner's team with the setup actions
     * pending and Keycloak's setup email; the step ticks; the same name or email again is a 409, and neither
     * another partner nor a teammate may invite for the partner.
     */
    @Test
    void aTeammateIsInvitedOntoTheNewPartnersTeamAndTheChecklistTicks() {
        String id = newId();
        String email = id + "@partner-workspace.local";
        assertThat(post("/api/partners", token("omar"), newPartner(id, email)).status())
                .isEqualTo(202);
        MailServer.shared()
                .awaitMail(email, mail -> mail.subject().startsWith("Welcome to Partner Workspace"), MAIL_WAIT);
        String teammate = id + "-ana";
        String teammateEmail = teammate + "@partner-workspace.local";
        Map<String, Object> invite = Map.of("username", teammate, "displayName", "Ana Lyst", "email", teammateEmail);

        assertThat(post("/api/partners/" + id + "/team", token("mukesh"), invite)
                        .status())
                .isEqualTo(403);
        assertThat(post("/api/partners/nikhil/team", token("arjun"), invite).status())
                .as("a teammate does not invite for the partner")
                .isEqualTo(403);
        Api.Response invited = post("/api/partners/" + id + "/team", token("omar"), invite);

        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(invited.json().get("setupEmailSent").asBoolean()).isTrue();
        JsonNode user = onlyUser(teammate);
        assertThat(texts(user.get("requiredActions"))).containsExactlyInAnyOrder("UPDATE_PASSWORD", "CONFIGURE_TOTP");
        assertThat(texts(admin.get("users/" + user.get("id").asText() + "/groups"), "path"))
                .containsExactly("/partners/" + id + "/team");
        MailServer.shared()
                .awaitMail(teammateEmail, mail -> mail.body().contains("login-actions/action-token"), MAIL_WAIT);
        JsonNode onboarding = Api.get("/api/workspace/widgets/onboarding?partner=" + id, token("omar"))
                .json()
                .get("data");
        for (JsonNode step : onboarding.get("steps")) {
            if (step.get("id").asText().equals("teammate")) {
                assertThat(step.get("done").asBoolean()).as("the teammate step").isTrue();
            }
        }
        assertThat(auditActions(id)).contains("team.member-invited");

        Api.Response again = post("/api/partners/" + id + "/team", token("omar"), invite);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("\"field\":\"username\"");
        Api.Response bad = post(
                "/api/partners/" + id + "/team",
                token("omar"),
                Map.of("username", "A", "displayName", "", "email", "not-an-email"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"username\"").contains("\"field\":\"email\"");
    }

    private static String newId() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> newPartner(String id, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("displayName", "Ravi Kumar");
        body.put("email", email);
        body.put(
                "traits",
                Map.of(
                        "tradingStyle", "intraday",
                        "latencySensitivity", "high",
                        "brokerCount", 1,
                        "teamSize", 1,
                        "preferredChannels", "email,sms",
                        "experience", "new"));
        return body;
    }

    private static JsonNode onlyUser(String username) {
        JsonNode users = admin.get("users?username=" + username + "&exact=true&briefRepresentation=false");
        assertThat(users).as("users named %s", username).hasSize(1);
        return users.get(0);
    }

    private static JsonNode partnerListed(String id) {
        for (JsonNode partner : Api.get("/api/partners", token("omar")).json()) {
            if (partner.get("id").asText().equals(id)) {
                return partner;
            }
        }
        throw new AssertionError("partner " + id + " not listed");
    }

    private List<String> auditActions(String partner) {
        return db.sql("select action from audit_entry where partner = :partner order by id")
                .param("partner", partner)
                .query(String.class)
                .list();
    }

    private List<String> auditDetails(String partner, String action) {
        return db.sql("select details from audit_entry where partner = :partner and action = :action order by id")
                .param("partner", partner)
                .param("action", action)
                .query(String.class)
                .list();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.path(field).asText()));
        return values;
    }
}
