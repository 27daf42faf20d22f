package dev.fileshare.requests;

import static dev.fileshare.requests.RequestCalls.from;
import static dev.fileshare.requests.RequestCalls.request;
import static dev.fileshare.requests.RequestCalls.send;
import static dev.fileshare.requests.RequestCalls.tokenOf;
import static dev.fileshare.requests.RequestCalls.visit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.support.Mailbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The owner hears of new uploads in one mail per few minutes, not one mail per file. */
class RequestMailIntegrationTests extends RequestTest {

  @Autowired JdbcClient jdbc;

  @Test
  void uploadsCloseTogetherAreToldInOneMailAndLaterOnesAfterTheInterval() {
    var owner = TestUsers.verified(api, jdbc);
    var address = owner.username() + "@example.test";
    var token = tokenOf(request(api, owner.token(), Map.of("title", "Receipts")));
    var visit = visit(api, token);
    for (var name : new String[] {"a.pdf", "b.pdf", "c.pdf"}) {
      var answer =
          send(api, token, visit, name, TestPdfs.pdf(name), from("Dana", "dana@example.org"));
      assertThat(answer.status()).isEqualTo(201);
    }
    var text = Mailbox.text(awaitMail(address, 1));
    assertThat(text).contains("a.pdf").contains("b.pdf").contains("c.pdf");
    assertThat(text).contains("Dana <dana@example.org>").contains("3 new files");
    assertThat(text).contains("/#/files?request=");

    send(api, token, visit, "d.pdf", TestPdfs.pdf("d"));
    Awaitility.await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(7))
        .until(() -> requestMails(address).size() == 1);
    clock.advance(Duration.ofMinutes(5));
    assertThat(Mailbox.text(awaitMail(address, 2))).contains("d.pdf").doesNotContain("a.pdf");
  }

  @Test
  void noMailWhenTheOwnerDidNotAskForOne() {
    var owner = TestUsers.verified(api, jdbc);
    var address = owner.username() + "@example.test";
    var token = tokenOf(request(api, owner.token(), Map.of("title", "Quiet", "notify", false)));
    send(api, token, visit(api, token), "q.pdf", TestPdfs.pdf("q"));
    Awaitility.await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(7))
        .until(() -> requestMails(address).isEmpty());
  }

  /** The mails about a request's uploads to the address (not its verification mail). */
  private static List<MimeMessage> requestMails(String address) {
    return Mailbox.all(address).stream().filter(RequestMailIntegrationTests::aboutUploads).toList();
  }

  private static MimeMessage awaitMail(String address, int count) {
    return Awaitility.await("mail number " + count + " about uploads")
        .atMost(Duration.ofSeconds(15))
        .until(() -> requestMails(address), mails -> mails.size() >= count)
        .get(count - 1);
  }

  private static boolean aboutUploads(MimeMessage mail) {
    try {
      return mail.getSubject().contains("for your request");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
