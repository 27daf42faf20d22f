package dev.fileshare.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request, kept whole so that a failure can be told and sent again by hand.
 *
 * @param operation the operation of the document it was made for
 * @param method the method sent (the operation's, or another one)
 * @param path the concrete path and query, already percent-encoded
 * @param headers the headers, the body's content type among them
 * @param body the body; empty for none
 */
record Fuzzed(
    Operation operation, String method, String path, Map<String, String> headers, byte[] body) {

  @Override
  public String toString() {
    var text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
    return method + " " + path + " " + headers + (body.length == 0 ? "" : " body: " + text);
  }
}
