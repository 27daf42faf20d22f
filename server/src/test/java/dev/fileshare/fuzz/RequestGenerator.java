package dev.fileshare.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes requests for the operations of the OpenAPI document: mostly what a client would send
 * (declared parameters, a body from the declared schema, a valid token), each with some part made
 * wrong — another type, a hostile value, a body of another media type, a missing or foreign token,
 * a broken header.
 */
final class RequestGenerator {

  /**
   * What the requests may refer to: real ids and tokens, so that the checks behind them run. The
   * admin endpoints are called with an administrator's token where others get the owner's, at the
   * {@code userIds} (the administrator's own among them, never the owner's: a quota of 0 would stop
   * the run's uploads). {@code ownKey} is an API key of the owner with every scope, sent in place
   * of the token now and then.
   */
  record Fixture(
      List<String> ids,
      String ownToken,
      String ownKey,
      String otherToken,
      String revokedToken,
      String adminToken,
      List<String> userIds,
      byte[] pdf) {}

  private static final List<String> METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private static final List<String> MEDIA_TYPES =
      List.of(
          "application/json",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=fuzz",
          "multipart/form-data",
          "application/pdf",
          "application/octet-stream",
          "application/offset+octet-stream",
          "text/plain",
          "application/xml",
          "application/json; charset=ISO-8859-1",
          "x/y");

  private final Random random;
  private final JsonBodies json;

  RequestGenerator(Random random) {
    this.random = random;
    this.json = new JsonBodies(random);
  }

  Fuzzed next(Operation operation, Fixture fixture) {
    var method = random.nextInt(20) == 0 ? Values.pick(random, METHODS) : operation.method();
    var headers = new LinkedHashMap<String, String>();
    authorization(operation, fixture, headers);
    extraHeaders(headers);
    var body = new byte[0];
    if (!method.equals("GET") && !method.equals("HEAD") && random.nextInt(6) != 0) {
      var type = operation.jsonBody().isMissingNode() ? Values.pick(random, MEDIA_TYPES) : null;
      if (type == null) {
        type = random.nextInt(4) == 0 ? Values.pick(random, MEDIA_TYPES) : "application/json";
      }
      headers.put("Content-Type", type);
      body = body(type, operation, fixture);
    }
    return new Fuzzed(operation, method, path(operation, fixture), headers, body);
  }

  private void authorization(Operation operation, Fixture fixture, Map<String, String> headers) {
    var signsOut = operation.path().startsWith("/api/user/logout");
    // signing out with a live token would end it for the rest of the run
    var token =
        switch (random.nextInt(signsOut ? 3 : 10)) {
          case 0 -> null;
          case 1 -> "Token " + Values.string(random);
          case 2 -> "Token " + fixture.revokedToken();
          case 3 -> "Token " + fixture.otherToken();
          case 4 -> "Bearer " + own(operation, fixture);
          case 5 -> (random.nextBoolean() ? "Token " : "Bearer ") + fixture.ownKey();
          default -> "Token " + own(operation, fixture);
        };
    if (token != null) {
      headers.put("Authorization", ascii(token));
    }
  }

  private static String own(Operation operation, Fixture fixture) {
    return operation.path().startsWith("/api/admin/") ? fixture.adminToken() : fixture.ownToken();
  }

  private void extraHeaders(Map<String, String> headers) {
    if (random.nextInt(3) == 0) {
      headers.put("Tus-Resumable", random.nextBoolean() ? "1.0.0" : ascii(Values.string(random)));
    }
    if (random.nextInt(5) == 0) {
      headers.put(
          "Range",
          Values.pick(
              random,
              List.of(
                  "bytes=0-0",
                  "bytes=-1",
                  "bytes=5-1",
                  "bytes=x",
                  "bytes=0-1,2-3",
                  "bytes=99999999999-",
                  "items=0-1")));
    }
    if (random.nextInt(6) == 0) {
      headers.put(
          "If-None-Match", random.nextBoolean() ? "*" : "\"" + ascii(Values.string(random)) + "\"");
    }
    if (random.nextInt(8) == 0) {
      headers.put("If-Modified-Since", ascii(Values.string(random)));
    }
    if (random.nextInt(4) == 0) {
      headers.put("Upload-Length", number());
      headers.put("Upload-Offset", number());
    }
    if (random.nextInt(5) == 0) {
      var name =
          Base64.getEncoder()
              .encodeToString(Values.string(random).getBytes(StandardCharsets.UTF_8));
      headers.put(
          "Upload-Metadata",
          random.nextBoolean() ? "filename " + name : ascii(Values.string(random)));
    }
    if (random.nextInt(8) == 0) {
      headers.put(
          "Upload-Checksum",
          random.nextBoolean()
              ? "sha256 " + Base64.getEncoder().encodeToString(Values.bytes(random, 40))
              : ascii(Values.string(random)));
    }
    if (random.nextInt(8) == 0) {
      headers.put(
          "Content-Disposition", "attachment; filename=\"" + ascii(Values.string(random)) + "\"");
    }
  }

  private String number() {
    return random.nextBoolean()
        ? Long.toString(random.nextLong() % 100_000)
        : ascii(Values.string(random));
  }

  private String path(Operation operation, Fixture fixture) {
    var path = operation.path();
    var ids = path.startsWith("/api/admin/") ? fixture.userIds() : fixture.ids();
    while (path.contains("{")) {
      var start = path.indexOf('{');
      var end = path.indexOf('}', start);
      var value = random.nextInt(3) == 0 ? Values.string(random) : Values.pick(random, ids);
      path = path.substring(0, start) + encode(value) + path.substring(end + 1);
    }
    if (random.nextBoolean()) {
      path += "/";
    }
    var query = new ArrayList<String>();
    for (var name : operation.query()) {
      if (random.nextInt(3) == 0) {
        query.add(encode(name) + "=" + encode(Values.string(random)));
      }
    }
    if (random.nextInt(10) == 0) {
      query.add(encode(Values.string(random)) + "=" + encode(Values.string(random)));
    }
    return query.isEmpty() ? path : path + "?" + String.join("&", query);
  }

  private byte[] body(String type, Operation operation, Fixture fixture) {
    if (type.startsWith("application/json")) {
      return json.body(operation.jsonBody()).getBytes(StandardCharsets.UTF_8);
    }
    if (type.equals("application/x-www-form-urlencoded")) {
      var fields = new ArrayList<String>();
      for (var name : json.fieldNames(operation.jsonBody())) {
        fields.add(encode(name) + "=" + encode(Values.string(random)));
      }
      fields.add("pdf=" + encode(Values.string(random)));
      return String.join("&", fields).getBytes(StandardCharsets.UTF_8);
    }
    if (type.startsWith("multipart/")) {
      return Multiparts.body(random, fixture.pdf());
    }
    if (type.equals("application/pdf") && random.nextBoolean()) {
      return fixture.pdf();
    }
    return Values.bytes(random, 2048);
  }

  /** Header values must be visible ASCII for the client; the server's parser is tried elsewhere. */
  static String ascii(String text) {
    var out = new StringBuilder();
    for (var c : text.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.length() > 4000 ? out.substring(0, 4000) : out.toString();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
