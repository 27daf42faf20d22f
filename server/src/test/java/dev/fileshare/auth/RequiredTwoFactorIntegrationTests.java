package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.support.Api;
import dev.fileshare.support.Node;
import dev.fileshare.support.OneTimeCodes;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestPeers;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code fileshare.auth.require-two-factor=admins}: an administrator without two-factor sign-in
 * gets a setup challenge in place of a token, and a token once it is set up; others sign in as
 * before.
 */
class RequiredTwoFactorIntegrationTests {

  @Test
  void administratorsSetItUpBeforeTheyGetAToken() {
    var database =
        "postgres".equals(TestPeers.database())
            ? Node.postgres(TestPeers.newPostgresDatabase())
            : Map.<String, String>of();
    var settings =
        Node.merged(
            database,
            Map.of(
                "fileshare.auth.require-two-factor", "admins",
                "fileshare.rate-limit.register-per-ip", "100000/1m",
                "fileshare.rate-limit.login-per-ip", "100000/1m"));
    try (var node = Node.start(settings)) {
      var api = node.api();
      var user = SignUp.newName("member");
      SignUp.verifiedUser(api, user);
      assertThat(login(api, user).json().has("token")).as("not an administrator").isTrue();

      var admin = SignUp.newName("chief");
      node.bean(AccountAdministration.class)
          .createAdmin(admin, SignUp.email(admin), SignUp.PASSWORD);
      var refused = login(api, admin);
      assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
      assertThat(refused.json().get("error").asString()).isEqualTo("two_factor_setup_required");
      assertThat(refused.json().has("token")).isFalse();
      var challenge = refused.json().get("challenge").asString();

      var asCode =
          api.post("/api/user/login/2fa/").json(Map.of("challenge", challenge, "code", "1"));
      assertThat(asCode.send().status())
          .as("a setup challenge is no code challenge")
          .isEqualTo(400);
      var setup =
          api.post("/api/user/login/2fa/setup/").json(Map.of("challenge", challenge)).send();
      assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
      var secret = setup.json().get("secret").asString();
      var code = OneTimeCodes.now(secret, Clock.systemUTC());
      var confirm =
          api.post("/api/user/login/2fa/confirm/")
              .json(Map.of("challenge", challenge, "code", code))
              .send();
      assertThat(confirm.status()).as(confirm.toString()).isEqualTo(200);
      assertThat(confirm.json().get("recovery_codes")).hasSize(10);
      var token = confirm.json().get("token").asString();
      var me = api.get("/api/user/me/").token(token).send();
      assertThat(me.json().get("two_factor").asBoolean()).isTrue();

      var again = login(api, admin);
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.json().get("two_factor_required").asBoolean()).isTrue();
    }
  }

  private static Api.Answer login(Api api, String name) {
    return api.post("/api/user/login/")
        .json(Map.of("username", name, "password", SignUp.PASSWORD))
        .send();
  }
}
