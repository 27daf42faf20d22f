package dev.fileshare.mail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** What a GreenMail server received for one address, as the recipient would read it. */
record Inbox(GreenMail server, String address) {

  /** One received mail: subject, sender and the decoded text. */
  record Received(String subject, String from, String text) {}

  List<Received> mails() {
    return Arrays.stream(server.getReceivedMessages())
        .filter(this::isFor)
        .map(Inbox::read)
        .toList();
  }

  private boolean isFor(MimeMessage message) {
    try {
      var to = message.getRecipients(Message.RecipientType.TO);
      return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Received read(MimeMessage message) {
    try {
      return new Received(
          message.getSubject(), message.getFrom()[0].toString(), (String) message.getContent());
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
