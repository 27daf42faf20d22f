package dev.fileshare.accounts;

import static dev.fileshare.accounts.RegistrationCalls.assertRefused;
import static dev.fileshare.accounts.RegistrationCalls.invitationToken;
import static dev.fileshare.accounts.RegistrationCalls.invite;
import static dev.fileshare.accounts.RegistrationCalls.login;
import static dev.fileshare.accounts.RegistrationCalls.register;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Mailbox;
import dev.fileshare.support.SignUp;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Registration by invitation only, with users who may invite and approval of their invitees. */
@TestPropertySource(
    properties = {
      "fileshare.registration.policy=invite",
      "fileshare.registration.users-may-invite=true",
      "fileshare.registration.approval=true"
    })
class InvitationIntegrationTests extends dev.fileshare.support.ApiTest {

  static final String ADMIN_INVITATIONS = "/api/admin/invitations/";

  @Autowired AccountAdministration administration;

  String admin() {
    return RegistrationCalls.admin(api, administration, SignUp.newName("inviteadmin"));
  }

  @Test
  void anAdministratorsInvitationRegistersOnceWithoutApproval() {
    var admin = admin();
    var name = SignUp.newName("invited");
    var email = SignUp.email(name);
    var sent = invite(api, admin, ADMIN_INVITATIONS, Map.of("email", email));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    assertThat(sent.json().get("status").asString()).isEqualTo("pending");
    assertThat(sent.json().get("by_admin").asBoolean()).isTrue();
    assertThat(sent.text()).doesNotContain("token");
    var mail = Mailbox.await(email, 1);
    assertThat(Mailbox.text(mail))
        .contains("&email=" + name + "%40example.org")
        .contains("invites you to fileshare");
    var token = invitationToken(email, 1);

    var answer = register(api, name, email, token);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().toString()).isEqualTo("{\"message\":\"Registration successful\"}");
    // the invitation's mail reached the address: no confirmation is needed
    assertThat(login(api, name).status()).isEqualTo(200);

    // single use
    assertRefused(register(api, SignUp.newName("again"), email, token), 403, "was already used");
    var list = api.get(ADMIN_INVITATIONS).token(admin).send();
    assertThat(list.status()).isEqualTo(200);
    var row =
        list.json().values().stream()
            .filter(i -> i.get("id").asLong() == sent.json().get("id").asLong())
            .findFirst()
            .orElseThrow();
    assertThat(row.get("status").asString()).isEqualTo("used");
    assertThat(row.get("used").isNull()).isFalse();
    assertThat(
            api.call("DELETE", ADMIN_INVITATIONS + row.get("id").asLong() + "/")
                .token(admin)
                .send()
                .status())
        .isEqualTo(409);
  }

  @Test
  void withoutAValidInvitationNobodyRegisters() {
    var name = SignUp.newName("uninvited");
    assertRefused(register(api, name, SignUp.email(name), null), 403, "by invitation only");
    assertRefused(register(api, name, SignUp.email(name), "0".repeat(64)), 403, "invalid");
    assertRefused(register(api, name, SignUp.email(name), "made-up"), 403, "invalid");
    // the original API's messages still come first for what is missing
    var missing = api.post("/api/user/register/").json(Map.of("username", name)).send();
    assertRefused(missing, 400, "Username, password, and email are required");
  }

  @Test
  void anInvitationIsForItsAddressInAnyCase() {
    var admin = admin();
    var name = SignUp.newName("Casey");
    var email = SignUp.email(name);
    invite(api, admin, ADMIN_INVITATIONS, Map.of("email", email));
    var token = invitationToken(email, 1);
    assertRefused(
        register(api, name, "someone-else@example.org", token), 403, "for another email address");
    var answer = register(api, name, email.toUpperCase(Locale.ROOT), token);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
  }

  @Test
  void expiredAndRevokedInvitationsAreRefused() {
    var admin = admin();
    var late = SignUp.email(SignUp.newName("late"));
    var sent = invite(api, admin, ADMIN_INVITATIONS, Map.of("email", late, "expires_in_days", 1));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    var lateToken = invitationToken(late, 1);
    var revokedEmail = SignUp.email(SignUp.newName("revoked"));
    var revoked = invite(api, admin, ADMIN_INVITATIONS, Map.of("email", revokedEmail));
    var revokedToken = invitationToken(revokedEmail, 1);
    var id = revoked.json().get("id").asLong();
    assertThat(api.call("DELETE", ADMIN_INVITATIONS + id + "/").token(admin).send().status())
        .isEqualTo(204);
    assertThat(api.call("DELETE", ADMIN_INVITATIONS + id + "/").token(admin).send().status())
        .as("revoking again changes nothing")
        .isEqualTo(204);
    assertThat(api.call("DELETE", ADMIN_INVITATIONS + "999999999/").token(admin).send().status())
        .isEqualTo(404);
    assertRefused(
        register(api, SignUp.newName("revoked"), revokedEmail, revokedToken), 403, "revoked");

    clock.advance(Duration.ofDays(1).plusSeconds(1));
    assertRefused(register(api, SignUp.newName("late"), late, lateToken), 403, "expired");
    var page = api.get(ADMIN_INVITATIONS + "?limit=1").token(admin).send();
    assertThat(page.json().get(0).get("id").asLong()).isEqualTo(id);
    assertThat(page.json().get(0).get("status").asString()).isEqualTo("revoked");
    assertThat(page.header("Link")).contains("before=" + id).contains("rel=\"next\"");
    var next = api.get(ADMIN_INVITATIONS + "?limit=1&before=" + id).token(admin).send();
    assertThat(next.json().get(0).get("status").asString()).isEqualTo("expired");
  }

  @Test
  void usersInviteAndTheirInviteesWaitForApproval() {
    var admin = admin();
    var userName = SignUp.newName("inviter");
    var userEmail = SignUp.email(userName);
    invite(api, admin, ADMIN_INVITATIONS, Map.of("email", userEmail));
    assertThat(register(api, userName, userEmail, invitationToken(userEmail, 1)).status())
        .isEqualTo(200);
    var user = SignUp.login(api, userName, SignUp.PASSWORD);

    var guestName = SignUp.newName("guest");
    var guestEmail = SignUp.email(guestName);
    var sent = invite(api, user, "/api/invitations/", Map.of("email", guestEmail));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    assertThat(sent.json().get("by_admin").asBoolean()).isFalse();
    assertThat(sent.json().get("invited_by").asString()).isEqualTo(userName);
    assertThat(Mailbox.text(Mailbox.await(guestEmail, 1))).contains(userName + " invites you");
    assertThat(register(api, guestName, guestEmail, invitationToken(guestEmail, 1)).status())
        .isEqualTo(200);
    assertRefused(login(api, guestName), 403, "awaits approval");

    var pending = api.get("/api/admin/users/?pending=true&search=" + guestName).token(admin).send();
    assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
    assertThat(pending.json()).hasSize(1);
    assertThat(pending.json().get(0).get("awaiting_approval").asBoolean()).isTrue();
    var id = pending.json().get(0).get("id").asLong();
    var approved = api.post("/api/admin/users/" + id + "/approve/").token(admin).send();
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().get("awaiting_approval").asBoolean()).isFalse();
    assertThat(login(api, guestName).status()).isEqualTo(200);
    assertThat(
            api.get("/api/admin/users/?pending=true&search=" + guestName)
                .token(admin)
                .send()
                .json())
        .isEmpty();
  }

  @Test
  void badInvitationsAreRefusedNamingTheMember() {
    var admin = admin();
    var user = SignUp.email(SignUp.newName("bad"));
    for (var body :
        new Object[] {
          Map.of(),
          Map.of("email", 5),
          Map.of("email", "not an address"),
          Map.of("email", user, "expires_in_days", 0),
          Map.of("email", user, "expires_in_days", 366),
          Map.of("email", user, "expires_in_days", "soon"),
          java.util.List.of("x")
        }) {
      var answer = api.post(ADMIN_INVITATIONS).token(admin).json(body).send();
      assertThat(answer.status()).as(body + " -> " + answer).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
    var named = api.post(ADMIN_INVITATIONS).token(admin).json(Map.of("email", "x")).send();
    assertThat(named.json().has("email")).isTrue();
    var schema = api.get("/api/schema").send().text();
    assertThat(schema).contains("\"expires_in_days\"").contains("/api/admin/invitations/{id}");
  }
}
