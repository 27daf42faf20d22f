package dev.fileshare.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Commands;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code admin grant}, {@code admin revoke} and {@code admin create}, run as an operator runs them
 * beside the server: the server applies the change at the next request. The password of {@code
 * create} comes from the environment; the test gives it as a system property, which the command
 * reads the same way.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminCommandIntegrationTests extends ApiTest {

  private static final String PASSWORD = "FILESHARE_ADMIN_PASSWORD";

  @Autowired Environment environment;
  @Autowired JdbcClient jdbc;
  AdminCalls.User bob;

  @BeforeEach
  void user() {
    bob = AdminCalls.user(api, jdbc, "bob" + Long.toString(System.nanoTime(), 36));
  }

  @AfterEach
  void forgetPassword() {
    System.clearProperty(PASSWORD);
  }

  @Test
  void grantsAndRevokes(CapturedOutput output) {
    assertThat(totals(bob.token())).isEqualTo(403);
    assertThat(run("admin", "grant", bob.username())).isZero();
    assertThat(output.getOut()).contains(bob.username() + " (").contains("is now an administrator");
    assertThat(totals(bob.token())).isEqualTo(200);
    assertThat(run("admin", "grant", bob.username() + "@example.test")).isZero();
    assertThat(output.getOut()).contains("was already an administrator");
    assertThat(run("admin", "revoke", bob.username().toUpperCase())).isZero();
    assertThat(totals(bob.token())).isEqualTo(403);
  }

  @Test
  void anUnknownUserOrAWrongCommandIsTwo(CapturedOutput output) {
    assertThat(run("admin", "grant", "nobody-" + bob.username())).isEqualTo(2);
    assertThat(output.getOut()).contains("There is no user with the username or email address");
    assertThat(run("admin")).isEqualTo(2);
    assertThat(run("admin", "promote", bob.username())).isEqualTo(2);
    assertThat(run("admin", "grant", bob.username(), "extra")).isEqualTo(2);
    assertThat(output.getOut()).contains("Usage: java -jar fileshare.jar admin grant <user>");
    assertThat(totals(bob.token())).isEqualTo(403);
  }

  @Test
  void createsAVerifiedAdministratorWithThePasswordFromTheEnvironment(CapturedOutput output) {
    var name = "boss" + Long.toString(System.nanoTime(), 36);
    var password = "violet kettles hum beneath 9 lanterns";
    assertThat(run("admin", "create", name, name + "@example.test")).isEqualTo(2);
    assertThat(output.getOut()).contains("Set the environment variable " + PASSWORD);
    assertThat(
            run("admin", "create", name, name + "@example.test", "--" + PASSWORD + "=" + password))
        .isEqualTo(2);
    assertThat(output.getOut()).contains("not on the command line");

    System.setProperty(PASSWORD, "password1234");
    assertThat(run("admin", "create", name, name + "@example.test")).isEqualTo(1);
    assertThat(output.getOut()).contains("Password is too easy to guess");

    System.setProperty(PASSWORD, password);
    assertThat(run("admin", "create", name, name + "@example.test")).isZero();
    assertThat(output.getOut()).contains("Created the administrator " + name);
    var login =
        api.post("/api/user/login/").json(Map.of("username", name, "password", password)).send();
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    var token = login.json().get("token").asString();
    assertThat(totals(token)).isEqualTo(200);

    assertThat(run("admin", "create", name, "other-" + name + "@example.test")).isEqualTo(1);
    assertThat(output.getOut()).contains("Username already taken");
    assertThat(run("admin", "create", "other" + name, bob.username() + "@example.test"))
        .isEqualTo(1);
    assertThat(output.getOut()).contains("Email address already registered");
  }

  @Test
  void registeringNeverMakesAnAdministrator() {
    var me = api.get("/api/admin/users/" + bob.id() + "/").token(bob.token()).send();
    assertThat(me.status()).isEqualTo(403);
  }

  private int totals(String token) {
    return api.get("/api/admin/totals/").token(token).send().status();
  }

  private int run(String... words) {
    return Commands.run(environment, words);
  }
}
