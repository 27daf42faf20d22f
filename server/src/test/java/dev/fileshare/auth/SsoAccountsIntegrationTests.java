package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.shared.UserId;
import dev.fileshare.support.OneTimeCodes;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.SsoFlow;
import dev.fileshare.support.TestIdentityProvider;
import dev.fileshare.support.TwoFactorUsers;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Accounts at a single sign-on: created for a confirmed address, linked to an existing one by its
 * address, found again by the provider's subject, refused when they must be, and the admin group.
 */
class SsoAccountsIntegrationTests extends SsoTest {

  @Test
  void aNewPersonGetsAnAccountWithTheirConfirmedAddress() {
    var name = TestIdentityProvider.newName("newcomer");
    person(name);
    var token = tokenOf(name);

    assertThat(username(token)).isEqualTo(name);
    var me = api.get("/api/user/me/").token(token).send().json();
    assertThat(me.get("email").asString()).isEqualTo(name + "@sso.example.org");
    assertThat(api.get("/api/files/").token(token).send().status()).isEqualTo(200);
    assertThat(auditOf(idOf(name)))
        .containsSubsequence("sso_account_created", "sso_signed_in", "signed_in");
    // no password of theirs works: the account signs in through its provider
    assertThat(
            api.post("/api/user/login/")
                .json(Map.of("username", name, "password", TestIdentityProvider.PASSWORD))
                .send()
                .status())
        .isEqualTo(400);
  }

  @Test
  void aTakenUsernameGetsANumber() {
    var taken = SignUp.newName("taken");
    SignUp.verifiedUser(api, taken);
    person(taken);
    assertThat(username(tokenOf(taken))).isEqualTo(taken + "-2");
  }

  @Test
  void anExistingAccountIsLinkedByItsAddressAndKeepsItsPassword() {
    var name = SignUp.newName("linked");
    SignUp.verifiedUser(api, name);
    var atProvider = TestIdentityProvider.newName("someone");
    person(atProvider, SignUp.email(name).toUpperCase(Locale.ROOT), true);

    assertThat(username(tokenOf(atProvider))).isEqualTo(name);
    assertThat(username(SignUp.login(api, name, SignUp.PASSWORD))).isEqualTo(name);
    assertThat(auditOf(idOf(name))).contains("sso_linked", "sso_signed_in");
    assertThat(
            jdbc.sql("SELECT subject FROM user_identities WHERE user_id = ?")
                .param(idOf(name).value())
                .query(String.class)
                .list())
        .containsExactly(atProvider);
  }

  @Test
  void theNextSignInFindsTheAccountByTheProvidersSubjectAfterTheAddressChanged() {
    var name = TestIdentityProvider.newName("mover");
    person(name);
    var first = username(tokenOf(name));
    person(name, name + "@elsewhere.example.org", true);

    assertThat(username(tokenOf(name))).isEqualTo(first);
  }

  @Test
  void anUnconfirmedAddressIsRefused() {
    var name = TestIdentityProvider.newName("unverified");
    person(name, name + "@sso.example.org", false);

    assertThat(SsoFlow.error(signIn(name))).contains("unverified_email");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM users WHERE email_key = ?")
                .param(name.toLowerCase(Locale.ROOT) + "@sso.example.org")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'sso_sign_in_failed'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void theProviderAsksForTheSecondFactorNotThisServer() {
    var name = SignUp.newName("twofactor");
    var password = SignUp.verifiedUser(api, name);
    var secret = TwoFactorUsers.setUp(api, password);
    var confirm =
        api.post("/api/user/2fa/confirm/")
            .token(password)
            .json(Map.of("code", OneTimeCodes.now(secret, clock)))
            .send();
    assertThat(confirm.status()).as(confirm.toString()).isEqualTo(200);
    var atProvider = TestIdentityProvider.newName("twofactor");
    person(atProvider, SignUp.email(name), true);

    assertThat(username(tokenOf(atProvider))).isEqualTo(name);
    // a password still needs the code
    var login =
        api.post("/api/user/login/")
            .json(Map.of("username", name, "password", SignUp.PASSWORD))
            .send();
    assertThat(login.json().get("two_factor_required").asBoolean()).isTrue();
  }

  @Test
  void anAccountWhoseAddressWasNeverConfirmedIsNotLinked() {
    var name = SignUp.newName("pending");
    SignUp.register(api, name);
    var atProvider = TestIdentityProvider.newName("pending");
    person(atProvider, SignUp.email(name), true);

    assertThat(SsoFlow.error(signIn(atProvider))).contains("unconfirmed_account");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM user_identities WHERE user_id = ?")
                .param(idOf(name).value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aDisabledAccountIsRefused() {
    var name = SignUp.newName("disabled");
    SignUp.verifiedUser(api, name);
    administration.disable(new UserId(-1), idOf(name));
    var atProvider = TestIdentityProvider.newName("disabled");
    person(atProvider, SignUp.email(name), true);

    assertThat(SsoFlow.error(signIn(atProvider))).contains("disabled");
  }

  @Test
  void theAdminGroupGrantsTheRoleAndTakesBackWhatItGranted() {
    var name = TestIdentityProvider.newName("member");
    person(name, ADMINS);
    var token = tokenOf(name);
    var user = idOf(name);
    assertThat(administration.isAdmin(user)).isTrue();
    assertThat(api.get("/api/admin/users/").token(token).send().status()).isEqualTo(200);

    person(name);
    tokenOf(name);
    assertThat(administration.isAdmin(user)).isFalse();
    assertThat(auditOf(user)).containsSubsequence("admin_granted", "admin_revoked");
  }

  @Test
  void anAdministratorMadeOnTheCommandLineStaysOne() {
    var name = SignUp.newName("operator");
    var admin = administration.createAdmin(name, SignUp.email(name), SignUp.PASSWORD);
    var atProvider = TestIdentityProvider.newName("operator");
    person(atProvider, SignUp.email(name), true, ADMINS);
    tokenOf(atProvider);
    person(atProvider, SignUp.email(name), true);
    tokenOf(atProvider);

    assertThat(administration.isAdmin(admin.id())).isTrue();
    assertThat(auditOf(admin.id())).doesNotContain("admin_revoked");
  }
}
