package dev.fileshare.resumable;

import dev.fileshare.files.FileProblems;
import dev.fileshare.files.Visibility;
import dev.fileshare.shared.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The {@code Upload-Metadata} header: comma-separated pairs of a key and a base64 value. Of its
 * keys {@code filename} (or {@code name}) names the file and {@code visibility} says who sees it;
 * others are kept and echoed, as the protocol asks, but not used. Without {@code visibility} the
 * file gets the server's default ({@code visibility} is {@code null}). {@code values} has every
 * pair, decoded, for an {@link UploadTarget} to read its own keys from.
 */
record UploadMetadata(
    String header, String filename, @Nullable Visibility visibility, Map<String, String> values) {

  static final int MAX_LENGTH = 4096;
  private static final Pattern KEY = Pattern.compile("[!-+\\--~]+"); // visible ASCII but ','

  static UploadMetadata parse(@Nullable String header) {
    if (header == null || header.isBlank()) {
      throw missingName();
    }
    if (header.length() > MAX_LENGTH) {
      throw bad("Upload-Metadata is longer than " + MAX_LENGTH + " characters.");
    }
    var pairs = pairs(header);
    var filename = pairs.getOrDefault("filename", pairs.get("name"));
    if (filename == null || filename.isBlank()) {
      throw missingName();
    }
    Visibility visibility = null;
    var text = pairs.get("visibility");
    if (text != null) {
      visibility =
          Visibility.parse(text.strip())
              .orElseThrow(
                  () ->
                      FileProblems.invalid(
                          "visibility",
                          "Not a valid choice for visibility: use users or private."));
    }
    return new UploadMetadata(header.strip(), filename, visibility, Map.copyOf(pairs));
  }

  private static Map<String, String> pairs(String header) {
    var pairs = new LinkedHashMap<String, String>();
    for (var pair : header.split(",", -1)) {
      var parts = pair.strip().split(" ", -1);
      if (parts.length > 2 || !KEY.matcher(parts[0]).matches()) {
        throw bad(
            "Upload-Metadata must be pairs of a key and a base64 value, separated by commas.");
      }
      var value = parts.length == 2 ? decode(parts[1]) : "";
      if (pairs.put(parts[0], value) != null) {
        throw bad("Upload-Metadata names the key " + parts[0] + " twice.");
      }
    }
    return pairs;
  }

  private static String decode(String base64) {
    try {
      var bytes = Base64.getDecoder().decode(base64);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw bad("An Upload-Metadata value is not base64 of UTF-8 text.");
    }
  }

  private static ApiException missingName() {
    return FileProblems.invalid(
        "filename", "Give the file's name as filename in the Upload-Metadata header.");
  }

  private static ApiException bad(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, detail);
  }
}
