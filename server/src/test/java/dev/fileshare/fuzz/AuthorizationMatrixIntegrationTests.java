package dev.fileshare.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SignUp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document, called by every kind of caller at what one user owns
 * ({@link Secrets}): another verified user, nobody (a user who has not confirmed their address gets
 * no token, so calls as nobody does), an expired token and a revoked one. Without a valid token
 * every operation but the public ones answers 401; another user never gets a 2xx from an operation
 * on the owner's things, never a byte of their names, hashes or tokens in any answer, and when all
 * is done the owner's things are as they were. The administrators' endpoints, pointed at the owner,
 * answer 403 to every signed-in user who is not one. The owner's API keys reach what their scopes
 * open and nothing else; a revoked key is refused with 401 everywhere. New endpoints are in the
 * document, so they are in the matrix from their first day. The statuses are written to {@code
 * target/authorization-matrix.md}.
 */
class AuthorizationMatrixIntegrationTests extends ApiTest {

  enum Caller {
    OWNER,
    OTHER,
    ANONYMOUS,
    EXPIRED,
    REVOKED,
    REVOKED_KEY,
    KEY,
    NARROW_KEY
  }

  /** Operations no API key may call, whatever its scopes. */
  private static final java.util.regex.Pattern NOT_FOR_KEYS =
      java.util.regex.Pattern.compile(
          "/api/(keys|admin|user/logout|user/password$|user/2fa/|user/sign-ins).*");

  /** Operations anyone may call without signing in (each guards itself where it must). */
  private static final Set<String> PUBLIC_POSTS =
      Set.of(
          "/api/user/register",
          "/api/user/login",
          "/api/user/login/2fa",
          "/api/user/login/2fa/setup",
          "/api/user/login/2fa/confirm",
          "/api/user/login/sso",
          "/api/verify-email/{token}",
          "/api/user/resend-verification",
          "/api/user/password-reset",
          "/api/user/password-reset/confirm");

  /** Bodies that would change the owner's things if the caller were allowed to. */
  private static final Map<String, Object> ATTEMPTS =
      Map.of(
          "PATCH /api/files/{id}", Map.of("name", "taken.pdf", "visibility", "users"),
          "PATCH /api/files/{id}/shares/{share}", Map.of("permission", "read"),
          "POST /api/files/{id}/links", Map.of("label", "taken"),
          "PATCH /api/links/{id}", Map.of("max_downloads", 1000, "label", "taken"),
          "PATCH /api/requests/{id}", Map.of("closed", true, "title", "taken"),
          "PUT /api/admin/users/{id}/quota", Map.of("quota", 0));

  @Test
  void noCallerReachesWhatAnotherUserOwns() throws IOException {
    var secrets = Secrets.of(api);
    var other = SignUp.newName("matrixother");
    var otherToken = SignUp.verifiedUser(api, other);
    // a user who has not confirmed their address gets no token: they call as nobody does
    var unverified = SignUp.newName("matrixunverified");
    SignUp.register(api, unverified);
    var refused =
        api.post("/api/user/login/")
            .json(Map.of("username", unverified, "password", SignUp.PASSWORD))
            .send();
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.text()).doesNotContain("token\"");
    var revoked = SignUp.verifiedUser(api, SignUp.newName("matrixrevoked"));
    assertThat(api.post("/api/user/logout/").token(revoked).send().status()).isEqualTo(200);
    var expiring = SignUp.verifiedUser(api, SignUp.newName("matrixexpired"));
    var revokedKey = key(SignUp.verifiedUser(api, SignUp.newName("matrixrevokedkey")), true);
    var narrowKey = key(secrets.token(), false);
    // signing out and changing the password end the caller's token: those go last
    var operations =
        Operation.all(api.get("/api/schema").send().json()).stream()
            .sorted(
                java.util.Comparator.comparing(
                    (Operation o) ->
                        o.path().startsWith("/api/user/logout")
                            || o.path().equals("/api/user/password")))
            .toList();
    assertThat(operations).hasSizeGreaterThan(40);

    var tokens = new EnumMap<Caller, String>(Caller.class);
    tokens.put(Caller.OWNER, secrets.token());
    tokens.put(Caller.OTHER, otherToken);
    tokens.put(Caller.REVOKED, revoked);
    tokens.put(Caller.REVOKED_KEY, revokedKey);
    var statuses = new LinkedHashMap<Operation, Map<Caller, Integer>>();
    var failures = new ArrayList<String>();
    for (var caller : List.of(Caller.OTHER, Caller.ANONYMOUS, Caller.REVOKED, Caller.REVOKED_KEY)) {
      for (var operation : operations) {
        var answer = send(operation, secrets, tokens.get(caller), other);
        statuses
            .computeIfAbsent(operation, o -> new EnumMap<>(Caller.class))
            .put(caller, answer.status());
        check(operation, caller, answer, secrets).ifPresent(failures::add);
      }
    }
    for (var operation : operations) {
      if (operation.method().equals("GET") && Secrets.addressesThem(operation.path())) {
        var answer = send(operation, secrets, secrets.token(), other);
        statuses.get(operation).put(Caller.OWNER, answer.status());
        if (answer.status() >= 500 || answer.status() == 401) {
          failures.add("the owner got " + answer.status() + " from " + operation);
        }
      }
    }
    for (var operation : operations) {
      keyCalls(operation, secrets, narrowKey, other, statuses).ifPresent(failures::add);
    }
    ownerStillHasEverything(secrets, other);

    // last: the clock moves past every token's lifetime (and the trash's) for this caller alone
    clock.advance(Duration.ofDays(400));
    for (var operation : operations) {
      var answer = send(operation, secrets, expiring, other);
      statuses.get(operation).put(Caller.EXPIRED, answer.status());
      check(operation, Caller.EXPIRED, answer, secrets).ifPresent(failures::add);
    }
    clock.reset();

    write(statuses);
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  /**
   * The owner's key with every scope reads everything a key may read (and nothing no key may);
   * their key with only {@code account} is refused with 403 by every other operation, before it
   * changes anything: so every operation is mapped to a scope, or refused to keys on purpose.
   */
  private java.util.Optional<String> keyCalls(
      Operation operation,
      Secrets secrets,
      String narrowKey,
      String other,
      Map<Operation, Map<Caller, Integer>> statuses) {
    if (isPublic(operation)) {
      return java.util.Optional.empty();
    }
    var refusedToKeys = NOT_FOR_KEYS.matcher(operation.path()).matches();
    if (operation.method().equals("GET") || operation.method().equals("HEAD")) {
      var answer = send(operation, secrets, secrets.key(), other);
      statuses.get(operation).put(Caller.KEY, answer.status());
      var status = answer.status();
      var expected = refusedToKeys ? status == 403 : status != 401 && status != 403 && status < 500;
      if (!expected) {
        return java.util.Optional.of(
            operation + " with a key of every scope -> " + status + " " + answer.text());
      }
    }
    if (!(operation.method().equals("GET") && operation.path().equals("/api/user/me"))) {
      var answer = send(operation, secrets, narrowKey, other);
      statuses.get(operation).put(Caller.NARROW_KEY, answer.status());
      if (answer.status() != 403
          || (!operation.method().equals("HEAD")
              && !String.valueOf(answer.contentType()).startsWith("application/problem+json"))) {
        return java.util.Optional.of(
            operation + " with a key of scope account -> " + answer.status() + " " + answer.text());
      }
    }
    return java.util.Optional.empty();
  }

  /** A new API key of the signed-in user: of every scope, or of {@code account} only. */
  private String key(String token, boolean revoke) {
    var scopes =
        revoke ? List.of("files:read", "files:write", "shares", "account") : List.of("account");
    var created =
        api.post("/api/keys/").token(token).json(Map.of("name", "matrix", "scopes", scopes)).send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    if (revoke) {
      var id = created.json().get("id").asLong();
      assertThat(api.call("DELETE", "/api/keys/" + id + "/").token(token).send().status())
          .isEqualTo(204);
    }
    return created.json().get("key").asString();
  }

  private Api.Answer send(
      Operation operation, Secrets secrets, @Nullable String token, String other) {
    var key = operation.method() + " " + operation.path();
    var path = secrets.fill(operation.path());
    var call = api.call(operation.method(), path.startsWith("/api/") ? path + "/" : path);
    if (token != null) {
      call.token(token);
    }
    if (operation.path().startsWith("/api/uploads")) {
      call.header("Tus-Resumable", "1.0.0");
    }
    if (key.equals("PUT /api/files/{id}")) {
      var form = new Multipart().pdf("taken.pdf", TestPdfs.pdf("taken"));
      call.body(form.contentType(), form.bytes());
    } else if (key.equals("PATCH /api/uploads/{id}")) {
      call.header("Upload-Offset", "0").body("application/offset+octet-stream", new byte[100]);
    } else if (key.equals("POST /api/files/{id}/shares")) {
      call.json(Map.of("user", other, "permission", "edit"));
    } else if (ATTEMPTS.containsKey(key)) {
      call.json(ATTEMPTS.get(key));
    } else if (!operation.jsonBody().isMissingNode()) {
      call.json(Map.of());
    }
    return call.send();
  }

  private static java.util.Optional<String> check(
      Operation operation, Caller caller, Api.Answer answer, Secrets secrets) {
    var status = answer.status();
    var shown = operation + " as " + caller + " -> " + status;
    if (status >= 500) {
      return java.util.Optional.of(shown + ": a server error");
    }
    var text = answer.text();
    for (var mark : secrets.marks()) {
      if (text.contains(mark)) {
        return java.util.Optional.of(shown + ": the answer holds the owner's " + mark);
      }
    }
    if (caller != Caller.OTHER && !isPublic(operation) && status != 401) {
      return java.util.Optional.of(shown + ": expected 401 without a valid token");
    }
    if (caller == Caller.OTHER && operation.path().startsWith("/api/admin/") && status != 403) {
      return java.util.Optional.of(shown + ": expected 403 for a user who is not an administrator");
    }
    if (Secrets.addressesThem(operation.path())
        && !operation.method().equals("OPTIONS")
        && status < 400) {
      return java.util.Optional.of(shown + ": another caller reached the owner's thing");
    }
    if (status >= 400
        && !operation.method().equals("HEAD")
        && !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
      return java.util.Optional.of(shown + ": an error that is not a problem");
    }
    return java.util.Optional.empty();
  }

  private static boolean isPublic(Operation operation) {
    var path = operation.path();
    return !path.startsWith("/api/")
        || (operation.method().equals("POST") && PUBLIC_POSTS.contains(path))
        || (operation.method().equals("GET") && path.equals("/api/auth/providers"))
        || path.startsWith("/api/schema")
        || path.startsWith("/api/docs")
        || path.startsWith("/api/s/")
        || path.startsWith("/api/r/")
        || (operation.method().equals("OPTIONS") && path.startsWith("/api/uploads"));
  }

  private void ownerStillHasEverything(Secrets secrets, String other) {
    var token = secrets.token();
    var me = api.get("/api/user/me/").token(token).send();
    assertThat(me.status()).as("the owner is still signed in: " + me).isEqualTo(200);
    assertThat(me.json().path("usage").path("quota_bytes").isNull()).as(me.toString()).isTrue();
    var file = api.get("/api/files/" + secrets.fileId() + "/").token(token).send();
    assertThat(file.status()).as(file.toString()).isEqualTo(200);
    assertThat(file.json().get("name").asString()).startsWith("matrix-secret-");
    assertThat(file.json().get("visibility").asString()).isEqualTo("private");
    assertThat(file.json().get("version").asLong()).isEqualTo(2);
    var versions = api.get("/api/files/" + secrets.fileId() + "/versions/").token(token).send();
    assertThat(versions.json().size()).as(versions.toString()).isEqualTo(1);
    var shares = api.get("/api/files/" + secrets.fileId() + "/shares/").token(token).send();
    assertThat(shares.json().size()).as(shares.toString()).isEqualTo(1);
    assertThat(shares.json().get(0).get("permission").asString()).isEqualTo("edit");
    assertThat(shares.json().get(0).get("user").asString()).isNotEqualTo(other);
    var link = api.get("/api/links/" + secrets.linkId() + "/").token(token).send();
    assertThat(link.status()).as(link.toString()).isEqualTo(200);
    assertThat(link.json().get("label").asString()).startsWith("matrix-label-");
    var links = api.get("/api/files/" + secrets.fileId() + "/links/").token(token).send();
    assertThat(links.json().size()).as(links.toString()).isEqualTo(1);
    var request = api.get("/api/requests/" + secrets.requestId() + "/").token(token).send();
    assertThat(request.json().get("closed").asBoolean()).as(request.toString()).isFalse();
    assertThat(request.json().get("title").asString()).startsWith("matrix-request-");
    var trash = api.get("/api/trash/").token(token).send();
    assertThat(trash.text()).contains("\"id\":" + secrets.trashedId() + ",");
    var upload =
        api.call("HEAD", "/api/uploads/" + secrets.uploadId())
            .token(token)
            .header("Tus-Resumable", "1.0.0")
            .send();
    assertThat(upload.status()).isEqualTo(200);
    assertThat(upload.header("Upload-Offset")).isEqualTo("0");
    var keys = api.get("/api/keys/").token(token).send();
    assertThat(keys.text()).as(keys.toString()).contains("\"id\":" + secrets.keyId() + ",");
    assertThat(api.get("/api/files/").token(secrets.key()).send().status()).isEqualTo(200);
  }

  private static void write(Map<Operation, Map<Caller, Integer>> statuses) throws IOException {
    var callers = Caller.values();
    var text = new StringBuilder("| operation |");
    for (var caller : callers) {
      text.append(' ').append(caller.name().toLowerCase(java.util.Locale.ROOT)).append(" |");
    }
    text.append("\n|---|").append("---|".repeat(callers.length)).append('\n');
    statuses.forEach(
        (operation, row) -> {
          text.append("| `").append(operation).append("` |");
          for (var caller : callers) {
            var status = row.get(caller);
            text.append(' ').append(status == null ? "" : status).append(" |");
          }
          text.append('\n');
        });
    var target = Path.of("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("authorization-matrix.md"), text);
  }
}
