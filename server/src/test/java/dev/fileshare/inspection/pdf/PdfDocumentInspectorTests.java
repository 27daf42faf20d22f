package dev.fileshare.inspection.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.inspection.ActiveContent;
import dev.fileshare.inspection.ActiveContentPolicy;
import dev.fileshare.inspection.DocumentInspector.ActiveContentException;
import dev.fileshare.inspection.DocumentInspector.UnacceptableContentException;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.HostilePdfs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PdfDocumentInspectorTests {

  static final Set<String> PDF_ONLY = Set.of("application/pdf");
  static final UserId ALICE = new UserId(1);
  static final String NOT_A_PDF =
      "The file is not a PDF document. Accepted types: application/pdf.";
  static final String DAMAGED =
      "The file looks like a PDF but could not be read: it may be damaged or truncated.";

  @TempDir Path dir;

  final PdfDocumentInspector inspector =
      new PdfDocumentInspector(
          InspectionSettings.of(Duration.ofSeconds(30), 2, ActiveContentPolicy.FLAG));

  @AfterEach
  void close() {
    inspector.close();
  }

  String inspect(Path file, Set<String> allowedTypes) throws IOException {
    try (var channel = FileChannel.open(file)) {
      var type = inspector.inspect(channel, allowedTypes, ALICE);
      assertThat(channel.isOpen()).isTrue();
      return type;
    }
  }

  void assertRefused(Path file, String message) {
    assertThatThrownBy(() -> inspect(file, PDF_ONLY))
        .isInstanceOf(UnacceptableContentException.class)
        .hasMessage(message);
  }

  Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  Path file(String name, String content) throws IOException {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsADocumentOfOnePage() throws IOException {
    assertThat(inspect(Pdfs.write(dir.resolve("one.pdf"), 1), PDF_ONLY))
        .isEqualTo("application/pdf");
  }

  @Test
  void acceptsADocumentOfSeveralPages() throws IOException {
    assertThat(
            inspect(Pdfs.write(dir.resolve("five.pdf"), 5), Set.of("application/pdf", "image/png")))
        .isEqualTo("application/pdf");
  }

  @Test
  void acceptsAnEncryptedDocumentThatOpensWithoutAPassword() throws IOException {
    assertThat(inspect(Pdfs.write(dir.resolve("owner.pdf"), 2, ""), PDF_ONLY))
        .isEqualTo("application/pdf");
  }

  @Test
  void acceptsADocumentThatNeedsAPassword() throws IOException {
    assertThat(inspect(Pdfs.write(dir.resolve("secret.pdf"), 2, "user-secret"), PDF_ONLY))
        .isEqualTo("application/pdf");
  }

  @Test
  void refusesPlainText() throws IOException {
    assertRefused(file("notes.pdf", "Just some notes.\n"), NOT_A_PDF);
  }

  @Test
  void refusesHtml() throws IOException {
    assertRefused(file("page.pdf", "<!DOCTYPE html><html><body>%PDF-1.7</body></html>"), NOT_A_PDF);
  }

  @Test
  void refusesAnImage() throws IOException {
    var png = dir.resolve("image.pdf");
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    assertRefused(png, NOT_A_PDF);
  }

  @Test
  void refusesEmptyContent() throws IOException {
    assertRefused(file("empty.pdf", new byte[0]), NOT_A_PDF);
  }

  @Test
  void refusesAHeaderFollowedByGarbage() throws IOException {
    assertRefused(file("garbage.pdf", "%PDF-1.7\nthis is no document at all\n%%EOF\n"), DAMAGED);
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 90, 99})
  void refusesATruncatedDocument(int percentKept) throws IOException {
    var whole = Files.readAllBytes(Pdfs.write(dir.resolve("whole.pdf"), 3));
    var cut = Arrays.copyOf(whole, whole.length * percentKept / 100);

    assertRefused(file("cut.pdf", cut), DAMAGED);
  }

  @Test
  void refusesADocumentWithoutPages() throws IOException {
    assertRefused(Pdfs.write(dir.resolve("blank.pdf"), 0), DAMAGED);
  }

  @Test
  void refusesEverythingWhenPdfIsNotAllowed() throws IOException {
    var pdf = Pdfs.write(dir.resolve("one.pdf"), 1);

    assertThatThrownBy(() -> inspect(pdf, Set.of("image/png", "image/jpeg")))
        .isInstanceOf(UnacceptableContentException.class)
        .hasMessage("The file is not of an accepted type. Accepted types: image/jpeg, image/png.");
    assertThatThrownBy(() -> inspect(pdf, Set.of()))
        .isInstanceOf(UnacceptableContentException.class)
        .hasMessage("No file type is accepted here.");
  }

  @Test
  void refusesActiveContentOnlyWhenThePolicyRejectsIt() throws IOException {
    var file = file("script.pdf", HostilePdfs.withActiveContent(1));
    try (var strict =
            new PdfDocumentInspector(
                InspectionSettings.of(Duration.ofSeconds(30), 2, ActiveContentPolicy.REJECT));
        var channel = FileChannel.open(file)) {
      assertThatThrownBy(() -> strict.inspect(channel, PDF_ONLY, ALICE))
          .isInstanceOfSatisfying(
              ActiveContentException.class,
              e ->
                  assertThat(e.found())
                      .containsExactlyInAnyOrder(
                          ActiveContent.JAVASCRIPT,
                          ActiveContent.EMBEDDED_FILE,
                          ActiveContent.AUTO_ACTION))
          .hasMessage(
              "The PDF contains JavaScript, an embedded file and an action that runs when it is"
                  + " opened, which this server does not accept.");
    }
    assertThat(inspect(file, PDF_ONLY)).isEqualTo("application/pdf");
  }
}
