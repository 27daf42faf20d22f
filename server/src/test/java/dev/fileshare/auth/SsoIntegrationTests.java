package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.OneTimeCodes;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.SsoFlow;
import dev.fileshare.support.TestIdentityProvider;
import dev.fileshare.support.TestIdentityProvider.Person;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on through the real server and a real OpenID Connect provider ({@link
 * TestIdentityProvider}), as a browser walks it: to the provider, its login form, back to the
 * server, to the web page with a one-time code, and the code exchanged for a token.
 */
class SsoIntegrationTests extends ApiTest {

  static final String ADMINS = "fileshare-admins";
  static String publicUrl;

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    publicUrl = TestIdentityProvider.configure(registry, "test", "Test Login");
    registry.add("fileshare.sso.admin-group", () -> ADMINS);
  }

  @Autowired AccountAdministration administration;
  @Autowired JdbcClient jdbc;

  private static Person person(String name, String email, boolean verified, String... groups) {
    return TestIdentityProvider.person(new Person(name, email, verified, List.of(groups)));
  }

  private static Person person(String name, String... groups) {
    return person(name, name + "@sso.example.org", true, groups);
  }

  private URI signIn(String name) {
    return new SsoFlow().signIn(publicUrl, "test", name);
  }

  private String code(URI page) {
    assertThat(page.toString()).startsWith(publicUrl + "/#sso=");
    return SsoFlow.code(page).orElseThrow();
  }

  private String exchange(String code) {
    var answer = api.post("/api/user/login/sso/").json(Map.of("code", code)).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().get("token").asString();
  }

  private String tokenOf(String name) {
    return exchange(code(signIn(name)));
  }

  private String username(String token) {
    var me = api.get("/api/user/me/").token(token).send();
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    return me.json().get("username").asString();
  }

  private UserId idOf(String username) {
    return new UserId(
        jdbc.sql("SELECT id FROM users WHERE username_key = ?")
            .param(username.toLowerCase(Locale.ROOT))
            .query(Long.class)
            .single());
  }

  private List<String> auditOf(UserId user) {
    return jdbc.sql("SELECT action FROM audit_log WHERE subject_id = ? ORDER BY id")
        .param(user.value())
        .query(String.class)
        .list();
  }

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
    var setup = api.post("/api/user/2fa/setup/").token(password).send();
    var secret = setup.json().get("secret").asString();
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
  void aDisabledAccountIsRefused() {
    var name = SignUp.newName("disabled");
    SignUp.verifiedUser(api, name);
    administration.disable(new UserId(-1), idOf(name));
    var atProvider = TestIdentityProvider.newName("disabled");
    person(atProvider, SignUp.email(name), true);

    assertThat(SsoFlow.error(signIn(atProvider))).contains("disabled");
  }

  @Test
  void theCallbackMustComeFromTheBrowserThatStartedTheSignIn() {
    var name = TestIdentityProvider.newName("twobrowsers");
    person(name);
    var browser = new SsoFlow();
    var started = browser.toCallback(publicUrl, "test", name);

    assertThat(SsoFlow.error(new SsoFlow().callback(started.callback()))).contains("expired");
    // the browser that started it still can finish it
    assertThat(username(exchange(code(browser.callback(started.callback()))))).isEqualTo(name);
  }

  @Test
  void aCallbackIsTakenOnce() {
    var name = TestIdentityProvider.newName("replay");
    person(name);
    var browser = new SsoFlow();
    var started = browser.toCallback(publicUrl, "test", name);
    assertThat(started.browserCookie()).startsWith(SsoRequestStore.COOKIE + "=");
    code(browser.callback(started.callback()));

    assertThat(SsoFlow.error(SsoFlow.callbackWith(started.callback(), started.browserCookie())))
        .contains("expired");
  }

  @Test
  void theBrowserCookieIsHttpOnlyAndLax() {
    var name = TestIdentityProvider.newName("cookie");
    person(name);
    var start = new SsoFlow().get(URI.create(publicUrl + "/oauth2/authorization/test"));
    var cookie =
        start.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith(SsoRequestStore.COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie)
        .contains("HttpOnly", "SameSite=Lax", "Path=/login/oauth2/code/", "Max-Age=600")
        .doesNotContain("Secure"); // the public URL here is http
  }

  @Test
  void aCodeWorksOnceAndForAMinute() {
    var name = TestIdentityProvider.newName("code");
    person(name);
    var code = code(signIn(name));
    exchange(code);
    var again = api.post("/api/user/login/sso/").json(Map.of("code", code)).send();
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("detail").asString()).contains("Sign in again");

    var late = code(signIn(name));
    clock.advance(Duration.ofSeconds(61));
    assertThat(api.post("/api/user/login/sso/").json(Map.of("code", late)).send().status())
        .isEqualTo(400);
    assertThat(api.post("/api/user/login/sso/").json(Map.of("code", "nonsense")).send().status())
        .isEqualTo(400);
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

  @Test
  void thePageListsTheProvider() {
    var answer = api.get("/api/auth/providers/").send();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().toString())
        .isEqualTo(
            "[{\"id\":\"test\",\"name\":\"Test Login\",\"url\":\"/oauth2/authorization/test\"}]");
    assertThat(api.get("/oauth2/authorization/nobody").send().status()).isEqualTo(404);
  }

  @Test
  void theProvidersRefusalEndsOnThePage() {
    var browser = new SsoFlow();
    var start = browser.get(URI.create(publicUrl + "/oauth2/authorization/test"));
    var authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    var state =
        java.util.Arrays.stream(authorize.getRawQuery().split("&"))
            .filter(parameter -> parameter.startsWith("state="))
            .findFirst()
            .orElseThrow()
            .substring("state=".length());
    var page =
        browser.callback(publicUrl + "/login/oauth2/code/test?error=access_denied&state=" + state);
    assertThat(SsoFlow.error(page)).contains("provider");
  }
}
