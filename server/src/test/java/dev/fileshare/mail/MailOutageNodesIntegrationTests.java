package dev.fileshare.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.fileshare.support.Node;
import dev.fileshare.support.SignUp;
import dev.fileshare.support.TestPeers;
import dev.fileshare.support.TwoNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mail server is away while people register through two nodes: the mail waits in the outbox,
 * both nodes try it again and again, and once the server is back every mail arrives exactly once,
 * whichever node sends it. Runs on PostgreSQL only (several nodes).
 */
class MailOutageNodesIntegrationTests {

  static final int PORT = TestPeers.freePort();
  static final int PEOPLE = 20;

  static Node one;
  static Node two;

  @RegisterExtension
  static final TwoNodes nodes =
      new TwoNodes(
          Map.of(
              "spring.mail.port", Integer.toString(PORT),
              "fileshare.mail.poll-interval", "100ms",
              "fileshare.mail.retry-initial-delay", "200ms",
              "fileshare.mail.retry-max-delay", "400ms"),
          (first, second) -> {
            one = first;
            two = second;
          });

  @Test
  void everyMailArrivesOnceAfterTheOutageWhicheverNodeSendsIt() {
    var people = new ArrayList<String>();
    for (var i = 0; i < PEOPLE; i++) {
      var name = SignUp.newName("outage");
      SignUp.register((i % 2 == 0 ? one : two).api(), name);
      people.add(SignUp.email(name));
    }
    var outbox = one.bean(JdbcClient.class);
    // both nodes have tried (and failed) more than once while the server was away
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tried(outbox, people, 2) == PEOPLE);

    var server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> people.stream().allMatch(to -> !new Inbox(server, to).mails().isEmpty()));
      // and no second copy comes after
      Awaitility.await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(() -> people.stream().allMatch(to -> new Inbox(server, to).mails().size() == 1));
      assertThat(server.getReceivedMessages()).hasSize(PEOPLE);
      assertThat(
              outbox
                  .sql(
                      "SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NOT NULL AND recipient IN"
                          + " (SELECT email FROM users WHERE email LIKE 'outage%')")
                  .query(Long.class)
                  .single())
          .isEqualTo(PEOPLE);
    } finally {
      server.stop();
    }
  }

  /** How many of the people's mails have been tried at least {@code attempts} times. */
  private static long tried(JdbcClient outbox, java.util.List<String> people, int attempts) {
    return people.stream()
        .filter(
            to ->
                outbox
                        .sql("SELECT attempts FROM mail_outbox WHERE recipient = ?")
                        .param(to)
                        .query(Integer.class)
                        .optional()
                        .orElse(0)
                    >= attempts)
        .count();
  }
}
