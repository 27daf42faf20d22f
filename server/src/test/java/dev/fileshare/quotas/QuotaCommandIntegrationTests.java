package dev.fileshare.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.Commands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code quota set} and {@code quota show}, run as an operator runs them beside the server, with
 * its configuration: the server applies a new quota to the next upload.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuotaCommandIntegrationTests extends ApiTest {

  @Autowired Environment environment;
  @Autowired JdbcClient jdbc;
  TestUsers.User alice;

  @BeforeEach
  void signIn() {
    alice = TestUsers.verified(api, jdbc);
  }

  @Test
  void setsAQuotaThatTheServerApplies() {
    assertThat(run("quota", "set", alice.username(), "1KB", "--files", "5")).isZero();
    var usage = QuotaCalls.usage(api, alice.token());
    assertThat(usage.get("quota_bytes").asLong()).isEqualTo(1024);
    assertThat(usage.get("quota_files").asLong()).isEqualTo(5);
    var answer = QuotaCalls.upload(api, alice.token(), "a.pdf", TestPdfs.pdf("over", 2));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(507);

    assertThat(run("quota", "set", alice.username() + "@example.test", "unlimited")).isZero();
    var unlimited = QuotaCalls.usage(api, alice.token());
    assertThat(unlimited.get("quota_bytes").isNull()).isTrue();
    assertThat(unlimited.get("quota_files").asLong()).isEqualTo(5);
    assertThat(QuotaCalls.upload(api, alice.token(), "a.pdf", TestPdfs.pdf("fits", 2)).status())
        .isEqualTo(201);

    assertThat(run("quota", "set", alice.username(), "default", "--files=default")).isZero();
    var defaults = QuotaCalls.usage(api, alice.token());
    assertThat(defaults.get("quota_bytes").isNull()).isTrue();
    assertThat(defaults.get("quota_files").isNull()).isTrue();
  }

  @Test
  void showsWhatTheUserStoresAndMayStore(CapturedOutput output) {
    var pdf = TestPdfs.pdf("shown");
    assertThat(QuotaCalls.upload(api, alice.token(), "a.pdf", pdf).status()).isEqualTo(201);
    assertThat(run("quota", "set", alice.username(), "10GB")).isZero();
    assertThat(run("quota", "show", alice.username())).isZero();
    assertThat(output.getOut())
        .contains(alice.username() + " (" + alice.username() + "@example.test) stores")
        .contains(pdf.length + " bytes) in 1 files")
        .contains("Quota: 10.0 GiB (10737418240 bytes) (set for this user)")
        .contains("; files: no limit (the server's default)");
  }

  @Test
  void anUnknownUserIsOneAndAWrongCommandIsTwo(CapturedOutput output) {
    assertThat(run("quota", "set", "nobody-" + alice.username(), "1GB")).isEqualTo(1);
    assertThat(output.getOut()).contains("There is no user with the username or email address");
    assertThat(run("quota", "set", alice.username(), "a lot")).isEqualTo(2);
    assertThat(run("quota", "show")).isEqualTo(2);
    assertThat(output.getOut()).contains("Usage: java -jar fileshare.jar quota set <user>");
    assertThat(QuotaCalls.usage(api, alice.token()).get("quota_bytes").isNull()).isTrue();
  }

  private int run(String... words) {
    return Commands.run(environment, words);
  }
}
