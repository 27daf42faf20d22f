package dev.fileshare.support;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.springframework.util.StreamUtils;

/** Reads what the server sent to an address, from the GreenMail SMTP server the tests run. */
public final class Mailbox {

  private Mailbox() {}

  /** Every mail received for the address so far. */
  public static List<MimeMessage> all(String address) {
    return Arrays.stream(TestPeers.smtp().getReceivedMessages())
        .filter(message -> isFor(message, address))
        .toList();
  }

  /** Waits up to 15 seconds for the {@code count}-th mail to the address and returns it. */
  public static MimeMessage await(String address, int count) {
    var mails =
        Awaitility.await("mail number " + count + " for " + address)
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> all(address), received -> received.size() >= count);
    return mails.get(count - 1);
  }

  /** Waits up to 15 seconds for the {@code count}-th mail to the address with this subject. */
  public static MimeMessage await(String address, String subject, int count) {
    var mails =
        Awaitility.await("mail number " + count + " about " + subject + " for " + address)
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> about(address, subject), received -> received.size() >= count);
    return mails.get(count - 1);
  }

  /** Every mail received for the address so far with this subject. */
  public static List<MimeMessage> about(String address, String subject) {
    return all(address).stream()
        .filter(
            message -> {
              try {
                return subject.equals(message.getSubject());
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** The plain text of a mail (its text/plain part when it has several). */
  public static String text(MimeMessage message) {
    try {
      Object content = message.getContent();
      if (content instanceof String text) {
        return text;
      }
      if (content instanceof jakarta.mail.Multipart multipart) {
        var found = findText(multipart);
        if (found != null) {
          return found;
        }
      }
      return new String(StreamUtils.copyToByteArray(message.getInputStream()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The secret in the first link of the mail that starts with {@code publicUrl + path}. */
  public static String token(MimeMessage message, String path) {
    var matcher =
        Pattern.compile(
                "(?:"
                    + Pattern.quote(TestEnvironment.PUBLIC_URL)
                    // or a test's own public URL (the single sign-on tests set one)
                    + "|http://localhost:\\d+)"
                    + Pattern.quote(path)
                    + "([0-9a-f]+)")
            .matcher(text(message));
    if (!matcher.find()) {
      throw new AssertionError("No link to " + path + " in: " + text(message));
    }
    return matcher.group(1);
  }

  private static String findText(jakarta.mail.Multipart multipart) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      var part = multipart.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof jakarta.mail.Multipart nested) {
        var found = findText(nested);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static boolean isFor(MimeMessage message, String address) {
    try {
      var recipients = message.getRecipients(Message.RecipientType.TO);
      return recipients != null
          && Arrays.stream(recipients).anyMatch(r -> r.toString().contains(address));
    } catch (Exception e) {
      return false;
    }
  }
}
