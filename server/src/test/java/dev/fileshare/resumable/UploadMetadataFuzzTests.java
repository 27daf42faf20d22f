package dev.fileshare.resumable;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fileshare.shared.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.StringJoiner;

/**
 * Coverage-guided fuzzing of the tus {@code Upload-Metadata} header. Any header is read into a
 * named upload or refused with a 4xx problem, never another exception; pairs written as the
 * protocol says come back as they were sent.
 */
class UploadMetadataFuzzTests {

  /** Input: the header, Latin-1 (as the container hands headers out). */
  @FuzzTest
  void namedOrRefused(byte[] input) {
    var header = new String(input, StandardCharsets.ISO_8859_1);
    UploadMetadata metadata;
    try {
      metadata = UploadMetadata.parse(header);
    } catch (ApiException e) {
      assertThat(e.status().is4xxClientError()).as(e.getMessage()).isTrue();
      return;
    }
    assertThat(metadata.filename()).isNotBlank();
    assertThat(metadata.filename())
        .isEqualTo(metadata.values().getOrDefault("filename", metadata.values().get("name")));
    assertThat(metadata.header()).isEqualTo(header.strip());
    assertThat(metadata.header().length()).isLessThanOrEqualTo(UploadMetadata.MAX_LENGTH);
  }

  /**
   * Input: keys and values separated by NUL bytes, alternately (UTF-8); a file name is added first.
   * Each key is kept to visible ASCII but commas, and only its first sending counts.
   */
  @FuzzTest
  void pairsComeBackAsSent(byte[] input) {
    var fields = new String(input, StandardCharsets.UTF_8).split("\0", -1);
    var sent = new LinkedHashMap<String, String>();
    sent.put("filename", "report.pdf");
    for (var i = 0; i + 1 < fields.length; i += 2) {
      var key = fields[i].replaceAll("[^!-+\\--~]", "");
      if (!key.isEmpty() && !key.equals("visibility")) {
        sent.putIfAbsent(key, fields[i + 1]);
      }
    }
    var header = new StringJoiner(",");
    sent.forEach(
        (key, value) ->
            header.add(
                value.isEmpty()
                    ? key
                    : key
                        + " "
                        + Base64.getEncoder()
                            .encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    if (header.length() > UploadMetadata.MAX_LENGTH) {
      return;
    }
    var metadata = UploadMetadata.parse(header.toString());
    var expected = new LinkedHashMap<String, String>();
    // what the client meant: the UTF-8 of the value, decoded back (unpaired surrogates are lost)
    sent.forEach(
        (key, value) ->
            expected.put(
                key, new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
    assertThat(metadata.values()).isEqualTo(expected);
    assertThat(metadata.filename()).isEqualTo("report.pdf");
  }
}
