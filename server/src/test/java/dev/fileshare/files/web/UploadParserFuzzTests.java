package dev.fileshare.files.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fileshare.files.FilesSettings;
import dev.fileshare.files.StagedUploads;
import dev.fileshare.files.Visibility;
import dev.fileshare.shared.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coverage-guided fuzzing of an upload request's body as the upload endpoints read it: multipart
 * (through our scanner and commons-fileupload's header parsing), JSON, urlencoded or raw, with any
 * {@code Content-Type} and {@code Content-Disposition}. Whatever arrives, parsing ends in a form or
 * in a 4xx problem ({@link ApiException}), never in another exception (which would be a 500); the
 * file handed to storage is never longer than the body.
 */
class UploadParserFuzzTests {

  private final UploadParser parser =
      new UploadParser(
          new FilesSettings(
              DataSize.ofMegabytes(1),
              Set.of("application/pdf"),
              Visibility.USERS,
              new FilesSettings.Sweep(Duration.ofHours(1))),
          JsonMapper.builder().build());

  /**
   * Input: a flags byte (bit 0: the request creates a file), the Content-Type up to a newline
   * (Latin-1, as the container hands headers out; empty: none), the Content-Disposition up to a
   * newline (empty: none), then the body.
   */
  @FuzzTest
  void endsInAFormOrAClientError(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    var creating = (input[0] & 1) == 1;
    var typeEnd = lineEnd(input, 1);
    var dispositionEnd = lineEnd(input, typeEnd + 1);
    var type = latin1(input, 1, typeEnd);
    var disposition = latin1(input, typeEnd + 1, dispositionEnd);
    var body = Arrays.copyOfRange(input, Math.min(input.length, dispositionEnd + 1), input.length);

    // the Content-Type as the container hands it out, unparsed (the mock would parse it)
    var request =
        new MockHttpServletRequest("POST", "/api/files/") {
          @Override
          public @Nullable String getContentType() {
            return type.isEmpty() ? null : type;
          }
        };
    if (!disposition.isEmpty()) {
      request.addHeader("Content-Disposition", disposition);
    }
    request.setContent(body);
    var staged = new long[1];
    var readFailed = new boolean[1];
    try (var form =
        parser.parse(
            request,
            creating,
            (content, name) -> {
              try {
                var size = content.readAllBytes().length;
                staged[0] += size;
                return StagedUploads.of(size, name);
              } catch (IOException e) {
                readFailed[0] = true;
                throw e;
              }
            })) {
      assertThat(form.file().map(file -> file.size()).orElse(0L)).isLessThanOrEqualTo(staged[0]);
    } catch (ApiException e) {
      assertThat(e.status().is4xxClientError()).as(e.getMessage()).isTrue();
    } catch (IOException e) {
      // only from reading the file's bytes, which storage answers with a 400 (Staging, ClientInput)
      assertThat(readFailed[0]).as(e.toString()).isTrue();
    }
    assertThat(staged[0]).isLessThanOrEqualTo(body.length);
  }

  private static int lineEnd(byte[] input, int from) {
    for (var i = from; i < input.length; i++) {
      if (input[i] == '\n') {
        return i;
      }
    }
    return input.length;
  }

  private static String latin1(byte[] input, int from, int to) {
    return from >= to ? "" : new String(input, from, to - from, StandardCharsets.ISO_8859_1);
  }
}
