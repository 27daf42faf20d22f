package dev.fileshare.mail;

import static dev.fileshare.mail.AccountMailIntegrationTests.eventually;
import static dev.fileshare.mail.AccountMailIntegrationTests.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.fileshare.accounts.Account;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.IntegrationTest;
import dev.fileshare.support.TestEnvironment;
import dev.fileshare.support.TestPeers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail goes to a mail server of this test's own, which it stops and starts again. */
@IntegrationTest
@ContextConfiguration(initializers = MailRetryIntegrationTests.OwnMailServer.class)
class MailRetryIntegrationTests {

  static final int PORT = TestPeers.freePort();

  /**
   * The usual test environment, then this test's mail server port and a short retry delay. (The
   * environment's properties outrank {@code @DynamicPropertySource}, so they are overridden here.)
   */
  static class OwnMailServer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      new TestEnvironment().initialize(context);
      TestPropertyValues.of("spring.mail.port=" + PORT, "fileshare.mail.retry-max-delay=400ms")
          .applyTo(context);
    }
  }

  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;
  @Autowired JdbcClient jdbc;

  @Test
  void mailWaitsWhileTheMailServerIsDownAndArrivesOnceItIsBack() {
    var before = uniqueAddress();
    var server = startServer();
    try {
      requestReset(before, UUID.randomUUID().toString());
      eventually().until(() -> new Inbox(server, before).mails().size() == 1);
      eventually().until(() -> row(before).get("sent_at") != null);
    } finally {
      server.stop();
    }

    var during = uniqueAddress();
    var token = UUID.randomUUID().toString();
    requestReset(during, token);
    eventually().until(() -> ((Number) row(during).get("attempts")).intValue() >= 2);
    var failing = row(during);
    assertThat(failing.get("sent_at")).isNull();
    assertThat(failing.get("failed_at")).isNull();
    assertThat((String) failing.get("last_error")).isNotBlank().doesNotContain(token);

    var restarted = startServer();
    try {
      eventually().until(() -> row(during).get("sent_at") != null);
      var mails = new Inbox(restarted, during).mails();
      assertThat(mails).hasSize(1);
      assertThat(mails.get(0).text()).contains(token);
      assertThat(new Inbox(restarted, before).mails()).isEmpty();
      assertThat(new Inbox(TestPeers.smtp(), during).mails()).isEmpty();
    } finally {
      restarted.stop();
    }
  }

  private static GreenMail startServer() {
    var server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private void requestReset(String email, String token) {
    var expires = Instant.now().plus(Duration.ofMinutes(30));
    transaction.executeWithoutResult(
        status ->
            events.publishEvent(
                new Account.PasswordResetRequested(new UserId(6), "ida", email, token, expires)));
  }

  private Map<String, Object> row(String email) {
    return jdbc.sql(
            "SELECT attempts, sent_at, failed_at, last_error FROM mail_outbox WHERE recipient = ?")
        .param(email)
        .query()
        .singleRow();
  }
}
