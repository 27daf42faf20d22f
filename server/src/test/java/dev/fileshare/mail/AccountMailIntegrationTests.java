package dev.fileshare.mail;

import static dev.fileshare.mail.AccountMailerTests.occurrences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.accounts.Account;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.IntegrationTest;
import dev.fileshare.support.TestEnvironment;
import dev.fileshare.support.TestPeers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AccountMailIntegrationTests {

  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEventPublisher events;
  @Autowired JdbcClient jdbc;
  @Autowired MailWorker worker;

  @Test
  void verificationMailArrivesWithALinkToThePublicUrl() {
    var email = uniqueAddress();
    var token = UUID.randomUUID().toString();
    var expires = Instant.now().plus(Duration.ofDays(2));

    transaction.executeWithoutResult(
        status ->
            events.publishEvent(
                new Account.VerificationRequested(new UserId(1), "dana", email, token, expires)));

    var mail = awaitOneMail(email);
    assertThat(mail.subject()).isEqualTo("Confirm your email address for fileshare");
    assertThat(mail.from()).isEqualTo("fileshare <no-reply@localhost>");
    assertThat(mail.text()).contains("Hello dana,").contains("2 days");
    assertThat(linkIn(mail.text()))
        .isEqualTo(TestEnvironment.PUBLIC_URL + "/verify-email/" + token);
    assertThat(occurrences(mail.text(), token)).isEqualTo(1);
    assertNoTokenLeftInOutbox(email, token);
  }

  @Test
  void passwordResetMailArrivesWithALinkToThePublicUrl() {
    var email = uniqueAddress();
    var token = UUID.randomUUID().toString();
    var expires = Instant.now().plus(Duration.ofMinutes(30));

    transaction.executeWithoutResult(
        status ->
            events.publishEvent(
                new Account.PasswordResetRequested(new UserId(2), "erik", email, token, expires)));

    var mail = awaitOneMail(email);
    assertThat(mail.subject()).isEqualTo("Reset your fileshare password");
    assertThat(mail.text()).contains("expires in 30 minutes").contains("ignore this mail");
    assertThat(linkIn(mail.text()))
        .isEqualTo(TestEnvironment.PUBLIC_URL + "/reset-password/" + token);
    assertThat(occurrences(mail.text(), token)).isEqualTo(1);
    assertNoTokenLeftInOutbox(email, token);
  }

  @Test
  void aRolledBackChangeSendsNoMail() {
    var rolledBack = uniqueAddress();
    var committed = uniqueAddress();
    var expires = Instant.now().plus(Duration.ofMinutes(30));

    transaction.executeWithoutResult(
        status -> {
          events.publishEvent(
              new Account.PasswordResetRequested(new UserId(3), "finn", rolledBack, "t1", expires));
          status.setRollbackOnly();
        });
    transaction.executeWithoutResult(
        status ->
            events.publishEvent(
                new Account.PasswordResetRequested(
                    new UserId(4), "gina", committed, "t2", expires)));

    awaitOneMail(committed);
    assertThat(rowsFor(rolledBack)).isZero();
    assertThat(new Inbox(TestPeers.smtp(), rolledBack).mails()).isEmpty();
  }

  @Test
  void aMailThatCannotBeBuiltIsMarkedFailedAndItsTokenWiped() {
    var email = "broken@@" + UUID.randomUUID() + ".example.org";
    var token = UUID.randomUUID().toString();
    var expires = Instant.now().plus(Duration.ofMinutes(30));

    transaction.executeWithoutResult(
        status ->
            events.publishEvent(
                new Account.PasswordResetRequested(new UserId(7), "jan", email, token, expires)));

    eventually().until(() -> failedAt(email) != null);
    var row =
        jdbc.sql("SELECT body, sent_at, last_error FROM mail_outbox WHERE recipient = ?")
            .param(email)
            .query()
            .singleRow();
    assertThat(row.get("sent_at")).isNull();
    assertThat((String) row.get("body")).isEmpty();
    assertThat((String) row.get("last_error")).isNotBlank().doesNotContain(token);
  }

  @Test
  void workersRunningAtOnceNeverSendTheSameMailTwice() throws Exception {
    var addresses = new ArrayList<String>();
    var expires = Instant.now().plus(Duration.ofMinutes(30));
    transaction.executeWithoutResult(
        status -> {
          for (var i = 0; i < 20; i++) {
            var email = uniqueAddress();
            addresses.add(email);
            events.publishEvent(
                new Account.PasswordResetRequested(new UserId(5), "hugo", email, "t" + i, expires));
          }
        });

    // Two more workers besides the scheduled one, started at the same moment.
    var start = new CountDownLatch(1);
    Runnable work =
        () -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          worker.deliverDue();
        };
    var first = CompletableFuture.runAsync(work);
    var second = CompletableFuture.runAsync(work);
    start.countDown();
    CompletableFuture.allOf(first, second).get();

    eventually().until(() -> addresses.stream().allMatch(email -> sentAt(email) != null));
    // Every row is marked sent, so no worker can claim one again: the counts are final.
    for (var email : addresses) {
      assertThat(new Inbox(TestPeers.smtp(), email).mails()).hasSize(1);
    }
  }

  private Inbox.Received awaitOneMail(String email) {
    var inbox = new Inbox(TestPeers.smtp(), email);
    eventually().until(() -> !inbox.mails().isEmpty());
    var mails = inbox.mails();
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private void assertNoTokenLeftInOutbox(String email, String token) {
    eventually().until(() -> sentAt(email) != null);
    var bodies =
        jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ?")
            .param(email)
            .query(String.class)
            .list();
    assertThat(bodies).hasSize(1).allSatisfy(body -> assertThat(body).doesNotContain(token));
    var anywhere =
        jdbc.sql(
                "SELECT COUNT(*) FROM mail_outbox WHERE body LIKE ? OR subject LIKE ?"
                    + " OR last_error LIKE ?")
            .params("%" + token + "%", "%" + token + "%", "%" + token + "%")
            .query(Long.class)
            .single();
    assertThat(anywhere).isZero();
  }

  private Long sentAt(String email) {
    return jdbc.sql("SELECT sent_at FROM mail_outbox WHERE recipient = ?")
        .param(email)
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  private Long failedAt(String email) {
    return jdbc.sql("SELECT failed_at FROM mail_outbox WHERE recipient = ?")
        .param(email)
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  private long rowsFor(String email) {
    return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?")
        .param(email)
        .query(Long.class)
        .single();
  }

  /** Checks at once, then every 50 ms, for at most 10 seconds. */
  static ConditionFactory eventually() {
    return await()
        .atMost(Duration.ofSeconds(10))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50));
  }

  static String linkIn(String text) {
    return text.lines().filter(line -> line.startsWith("http")).findFirst().orElseThrow();
  }

  static String uniqueAddress() {
    return "mail-" + UUID.randomUUID() + "@example.org";
  }
}
