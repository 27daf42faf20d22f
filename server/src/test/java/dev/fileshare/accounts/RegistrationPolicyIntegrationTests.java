package dev.fileshare.accounts;

import static dev.fileshare.accounts.RegistrationCalls.assertRefused;
import static dev.fileshare.accounts.RegistrationCalls.confirm;
import static dev.fileshare.accounts.RegistrationCalls.login;
import static dev.fileshare.accounts.RegistrationCalls.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Mailbox;
import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestPeers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Registration limited to the addresses of some domains, with approval, and the per-address limits
 * that let an organisation behind one address sign up while the open internet stays limited.
 */
@TestPropertySource(
    properties = {
      "fileshare.registration.policy=domains",
      "fileshare.registration.domains=example.org, *.example.net",
      "fileshare.registration.approval=true",
      "fileshare.rate-limit.register-per-ip=3/1h",
      "fileshare.rate-limit.register-admitted-per-ip=100000/1m"
    })
class RegistrationPolicyIntegrationTests extends ApiTest {

  @Autowired AccountAdministration administration;

  @Test
  void addressesOfTheAllowedDomainsRegisterAsTheOriginalAnswered() {
    var name = SignUp.newName("member");
    var answer = register(api, name, SignUp.email(name), null);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().toString()).isEqualTo("{\"message\":\"Registration successful\"}");
    var sub = SignUp.newName("sub");
    assertThat(register(api, sub, sub + "@Lab.Dept.EXAMPLE.net", null).status()).isEqualTo(200);
    // more than the strict limit from one address: a class signing up on its first day
    for (int i = 0; i < 5; i++) {
      var pupil = SignUp.newName("pupil");
      assertThat(register(api, pupil, SignUp.email(pupil), null).status()).isEqualTo(200);
    }
  }

  @Test
  void newAccountsWaitForApproval() {
    var admin = RegistrationCalls.admin(api, administration, SignUp.newName("approver"));
    var name = SignUp.newName("waiting");
    assertThat(register(api, name, SignUp.email(name), null).status()).isEqualTo(200);
    confirm(api, SignUp.email(name), 1);
    assertRefused(login(api, name), 403, "awaits approval");

    var first = api.get("/api/admin/users/?pending=true&limit=1").token(admin).send();
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().get(0).get("awaiting_approval").asBoolean()).isTrue();
    var byAddress =
        api.get("/api/admin/users/?pending=true&search=" + SignUp.email(name)).token(admin).send();
    assertThat(byAddress.json()).hasSize(1);
    var id = byAddress.json().get(0).get("id").asLong();
    assertThat(api.get("/api/admin/users/?pending=maybe").token(admin).send().status())
        .isEqualTo(400);

    var approved = api.post("/api/admin/users/" + id + "/approve/").token(admin).send();
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().get("awaiting_approval").asBoolean()).isFalse();
    assertThat(login(api, name).status()).isEqualTo(200);
    assertThat(Mailbox.text(Mailbox.await(SignUp.email(name), 2)))
        .contains("approved your fileshare account")
        .contains("/#/signin");
    assertThat(api.post("/api/admin/users/" + id + "/approve/").token(admin).send().status())
        .as("approving again changes nothing")
        .isEqualTo(200);
    assertThat(api.post("/api/admin/users/999999999/approve/").token(admin).send().status())
        .isEqualTo(404);
    var user = SignUp.login(api, name, SignUp.PASSWORD);
    assertThat(api.post("/api/admin/users/" + id + "/approve/").token(user).send().status())
        .isEqualTo(403);
    assertThat(api.get("/api/admin/users/?pending=true&search=" + name).token(admin).send().json())
        .isEmpty();
  }

  /** The only test of this class that counts against the strict limit. */
  @Test
  void otherAddressesAreRefusedAndLimitedPerClientAddress() {
    clock.advance(Duration.ofDays(3));
    var name = SignUp.newName("outsider");
    var refused = register(api, name, name + "@example.com", null);
    assertRefused(refused, 403, "Only addresses at example.org or any domain under example.net");
    assertRefused(register(api, name, name + "@example.net", null), 403, "Only addresses");
    var missing = api.post("/api/user/register/").json(Map.of("username", name)).send();
    assertRefused(missing, 400, "Username, password, and email are required");
    var limited = register(api, name, name + "@example.com", null);
    assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
    // the organisation's own addresses still get in
    var member = SignUp.newName("member");
    assertThat(register(api, member, SignUp.email(member), null).status()).isEqualTo(200);

    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(register(api, name, name + "@example.com", null).status()).isEqualTo(403);
  }

  /** A node of its own, with these settings and this test run's database. */
  static Node node(Map<String, String> settings) {
    var all = new java.util.LinkedHashMap<>(settings);
    if ("postgres".equals(TestPeers.database())) {
      all.putAll(Node.postgres(TestPeers.newPostgresDatabase()));
    }
    return Node.start(all);
  }

  @Test
  void anOpenServerKeepsTheStrictLimitExceptForInvitations() {
    try (var node =
        node(
            Map.of(
                "fileshare.rate-limit.register-per-ip", "2/1h",
                "fileshare.rate-limit.register-admitted-per-ip", "100/1h"))) {
      var open = node.api();
      var root = "openroot" + SignUp.newName("");
      var admin = RegistrationCalls.admin(open, node.bean(AccountAdministration.class), root);
      for (int i = 0; i < 2; i++) {
        var name = SignUp.newName("open");
        var answer = register(open, name, SignUp.email(name), null);
        assertThat(answer.json().toString()).isEqualTo("{\"message\":\"Registration successful\"}");
      }
      var name = SignUp.newName("open");
      assertThat(register(open, name, SignUp.email(name), null).status()).isEqualTo(429);
      var registration = open.get("/app/settings.json").send().json().get("registration");
      assertThat(registration.get("policy").asString()).isEqualTo("open");
      assertThat(registration.get("notice").isNull()).isTrue();

      // an invitation lets its address in past the strict limit, and needs no approval
      var invited = SignUp.newName("openinvited");
      var email = SignUp.email(invited);
      var sent =
          open.post("/api/admin/invitations/").token(admin).json(Map.of("email", email)).send();
      assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
      var token = RegistrationCalls.invitationToken(email, 1);
      assertThat(register(open, invited, email, token).status()).isEqualTo(200);
      assertThat(login(open, invited).status()).isEqualTo(200);
      assertThat(Mailbox.all(email)).as("no confirmation mail").hasSize(1);
    }
  }

  @Test
  void aClosedServerRegistersNobody() {
    try (var node = node(Map.of("fileshare.registration", "closed"))) {
      var closed = node.api();
      var name = SignUp.newName("closed");
      assertRefused(register(closed, name, SignUp.email(name), null), 403, "closed");
      var settingsJson = closed.get("/app/settings.json").send().json().get("registration");
      assertThat(settingsJson.get("policy").asString()).isEqualTo("closed");
      assertThat(settingsJson.get("notice").asString()).contains("closed");
      // administrators still create accounts, as admin create does
      var admin =
          RegistrationCalls.admin(closed, node.bean(AccountAdministration.class), "root" + name);
      var invitation =
          closed
              .post("/api/admin/invitations/")
              .token(admin)
              .json(Map.of("email", "x" + SignUp.email(name)))
              .send();
      assertThat(invitation.status()).as(invitation.toString()).isEqualTo(409);
    }
  }
}
