package dev.fileshare.mail;

import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.requests.FileRequest;
import dev.fileshare.requests.Receipt;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Writes the owner's mail about files received through a file request: one mail for several. */
@Component
class RequestMailer {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final FileShareSettings settings;

  RequestMailer(FileShareSettings settings) {
    this.settings = settings;
  }

  MailMessage received(FileRequest.UploadsReceived event) {
    var count = event.files().size();
    var files = event.files().stream().map(RequestMailer::line).collect(Collectors.joining("\n"));
    var body =
        """
        Hello %s,

        Your request "%s" received %s:

        %s

        They are among your files: %s

        fileshare
        """
            .formatted(
                MailText.oneLine(event.ownerName()),
                MailText.oneLine(event.title()),
                count == 1 ? "a new file" : count + " new files",
                files,
                settings.link("/#/files?request=" + event.requestId()));
    var subject =
        (count == 1 ? "A new file" : count + " new files")
            + " for your request "
            + MailText.oneLine(event.title());
    return new MailMessage(event.ownerEmail(), subject, body);
  }

  private static String line(Receipt file) {
    var from = MailText.oneLine(file.uploaderName());
    if (!file.uploaderEmail().isEmpty()) {
      from =
          (from.isEmpty() ? "" : from + " ") + "<" + MailText.oneLine(file.uploaderEmail()) + ">";
    }
    return "- "
        + MailText.oneLine(file.name())
        + " ("
        + MailText.size(file.size())
        + "), "
        + (from.isEmpty() ? "" : "from " + from + ", ")
        + WHEN.format(file.received());
  }
}
