package dev.fileshare.files;

import static dev.fileshare.files.ShareCalls.revoke;
import static dev.fileshare.files.ShareCalls.shared;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Who may do what with a file shared by name: every file endpoint and method, as the owner, a read
 * share, an edit share, another verified user, an unverified user, nobody, a recipient whose share
 * was revoked and a recipient whose account was deleted, on private files and on files shared with
 * users. The cases come from the rules in {@link #expected}; every refusal and every list that must
 * not show the file is checked for the file's name, hash and bytes. Tokens are not remembered
 * between requests here, so a deleted account is signed out at once.
 */
@IntegrationTest
@TestPropertySource(properties = "fileshare.auth.token-cache-ttl=0s")
class SharingAccessIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;
  Map<Caller, TestUsers.User> users;

  enum Caller {
    OWNER,
    READ_SHARE,
    EDIT_SHARE,
    OTHER,
    UNVERIFIED,
    ANONYMOUS,
    REVOKED_SHARE,
    DELETED_RECIPIENT
  }

  enum Op {
    LIST("GET", "/api/files/", false),
    ALL_FILES("GET", "/api/all_files/", false),
    SHARED_WITH_ME("GET", "/api/files/?shared=with-me", false),
    GET("GET", "/api/files/{id}/", false),
    DOWNLOAD("GET", "/api/download/{id}/", false),
    DOWNLOAD_HEAD("HEAD", "/api/download/{id}/", false),
    REPLACE_PUT("PUT", "/api/files/{id}/", true),
    REPLACE_PATCH("PATCH", "/api/files/{id}/", true),
    RENAME("PATCH", "/api/files/{id}/", true),
    CHANGE_VISIBILITY("PATCH", "/api/files/{id}/", true),
    DELETE("DELETE", "/api/files/{id}/", true),
    SHARES("GET", "/api/files/{id}/shares/", false),
    SHARE("POST", "/api/files/{id}/shares/", true),
    CHANGE_SHARE("PATCH", "/api/files/{id}/shares/{share}/", true),
    REMOVE_SHARE("DELETE", "/api/files/{id}/shares/{share}/", true);

    final String method;
    final String path;
    final boolean changes;

    Op(String method, String path, boolean changes) {
      this.method = method;
      this.path = path;
      this.changes = changes;
    }

    boolean isList() {
      return path.indexOf('{') < 0;
    }
  }

  /** A file as the matrix needs it: shared with each kind of recipient. */
  record Fixture(
      long id, String name, String sha256, long readShare, long editShare, String deletedToken) {}

  /** What a case must answer; for lists, whether the file is in the answer. */
  record Expected(int status, boolean listed) {}

  record Case(String visibility, Caller caller, Op op, Expected expected) {}

  @BeforeEach
  void setUp() {
    api = new Api(port);
    users = new java.util.EnumMap<>(Caller.class);
    for (var caller : List.of(Caller.OWNER, Caller.READ_SHARE, Caller.EDIT_SHARE, Caller.OTHER)) {
      users.put(caller, TestUsers.verified(api, jdbc));
    }
    users.put(Caller.REVOKED_SHARE, TestUsers.verified(api, jdbc));
    users.put(Caller.UNVERIFIED, TestUsers.unverified(api, jdbc));
  }

  @Test
  void matrix() {
    var cases = new ArrayList<Case>();
    for (var visibility : List.of("private", "users")) {
      for (var caller : Caller.values()) {
        for (var op : Op.values()) {
          cases.add(
              new Case(visibility, caller, op, expected(visibility.equals("users"), caller, op)));
        }
      }
    }
    var failures = new ArrayList<String>();
    var kept = new java.util.HashMap<String, Fixture>();
    for (var c : cases) {
      var fixture =
          c.op().changes
              ? fixture(c.visibility(), c.caller() == Caller.DELETED_RECIPIENT)
              : kept.computeIfAbsent(c.visibility(), v -> fixture(v, true));
      var answer = call(c, fixture);
      if (answer.status() != c.expected().status()) {
        failures.add(c + " answered " + answer);
        continue;
      }
      var shown = c.op().isList() && answer.status() == 200 && listed(answer, fixture);
      if (c.op().isList() && shown != c.expected().listed()) {
        failures.add(c + (shown ? " listed the file" : " did not list the file"));
      }
      var allowed = c.expected().status() < 300 && (!c.op().isList() || c.expected().listed());
      if (!allowed && leaks(answer, fixture)) {
        failures.add(c + " leaked the file: " + answer);
      }
    }
    assertThat(cases).hasSize(2 * Caller.values().length * Op.values().length);
    assertThat(failures).isEmpty();
  }

  /** The rules, as the issue states them. */
  static Expected expected(boolean users, Caller caller, Op op) {
    var signedOut = caller == Caller.ANONYMOUS || caller == Caller.DELETED_RECIPIENT;
    if (signedOut) {
      return new Expected(401, false);
    }
    var recipient = caller == Caller.READ_SHARE || caller == Caller.EDIT_SHARE;
    var owner = caller == Caller.OWNER;
    var verifiedStranger = caller == Caller.OTHER || caller == Caller.REVOKED_SHARE;
    var sees = owner || recipient || (verifiedStranger && users);
    // what someone who may not do a thing gets: 404 if the file does not exist for them
    var refused = sees || (caller == Caller.UNVERIFIED && users) ? 403 : 404;
    var editor = owner || caller == Caller.EDIT_SHARE;
    return switch (op) {
      case LIST, ALL_FILES -> new Expected(200, sees);
      case SHARED_WITH_ME -> new Expected(200, recipient);
      case GET, DOWNLOAD, DOWNLOAD_HEAD -> new Expected(sees ? 200 : refused, false);
      case REPLACE_PUT, REPLACE_PATCH, RENAME -> new Expected(editor ? 200 : refused, false);
      case CHANGE_VISIBILITY, SHARES, CHANGE_SHARE -> new Expected(owner ? 200 : refused, false);
      case DELETE -> new Expected(owner ? 204 : refused, false);
      case SHARE -> new Expected(owner ? 201 : refused, false);
      case REMOVE_SHARE -> new Expected(owner || recipient ? 204 : refused, false);
    };
  }

  /** A new file, shared; with a recipient then deleted if {@code deletedRecipient}. */
  private Fixture fixture(String visibility, boolean deletedRecipient) {
    var owner = users.get(Caller.OWNER).token();
    var name = "secret-" + UUID.randomUUID() + ".pdf";
    var created = FileCalls.created(api, owner, name.replace(".pdf", ""), visibility);
    var id = created.get("id").asLong();
    rename(owner, id, name);
    var read = shared(api, owner, id, users.get(Caller.READ_SHARE).username(), "read");
    var edit = shared(api, owner, id, users.get(Caller.EDIT_SHARE).username(), "edit");
    var revoked = shared(api, owner, id, users.get(Caller.REVOKED_SHARE).username(), "read");
    assertThat(revoke(api, owner, id, revoked.get("id").asLong()).status()).isEqualTo(204);
    var deletedToken = "";
    if (deletedRecipient) {
      var deleted = TestUsers.verified(api, jdbc);
      shared(api, owner, id, deleted.username(), "edit");
      jdbc.sql("DELETE FROM users WHERE username_key = ?")
          .param(deleted.username().toLowerCase(Locale.ROOT))
          .update();
      deletedToken = deleted.token();
    }
    return new Fixture(
        id,
        name,
        created.get("sha256").asString(),
        read.get("id").asLong(),
        edit.get("id").asLong(),
        deletedToken);
  }

  private void rename(String token, long id, String name) {
    var answer =
        api.call("PATCH", "/api/files/" + id + "/").token(token).json(Map.of("name", name)).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
  }

  private Api.Answer call(Case c, Fixture fixture) {
    var share = c.caller() == Caller.EDIT_SHARE ? fixture.editShare() : fixture.readShare();
    var path =
        c.op()
            .path
            .replace("{id}", Long.toString(fixture.id()))
            .replace("{share}", Long.toString(share));
    var call = api.call(c.op().method, path);
    switch (c.op()) {
      case REPLACE_PUT, REPLACE_PATCH -> {
        var form = new Multipart().pdf("new.pdf", TestPdfs.pdf("new " + UUID.randomUUID()));
        call.body(form.contentType(), form.bytes());
      }
      case RENAME -> call.json(Map.of("name", "renamed.pdf"));
      case CHANGE_VISIBILITY ->
          call.json(Map.of("visibility", c.visibility().equals("users") ? "private" : "users"));
      case SHARE -> call.json(Map.of("user", users.get(Caller.OTHER).username()));
      case CHANGE_SHARE -> call.json(Map.of("permission", "edit"));
      default -> {}
    }
    var token = token(c.caller(), fixture);
    if (token != null) {
      call.token(token);
    }
    return call.send();
  }

  private @Nullable String token(Caller caller, Fixture fixture) {
    return switch (caller) {
      case ANONYMOUS -> null;
      case DELETED_RECIPIENT -> fixture.deletedToken();
      default -> users.get(caller).token();
    };
  }

  private static boolean listed(Api.Answer answer, Fixture fixture) {
    var json = answer.json();
    var files = json.isArray() ? json : json.has("files") ? json.get("files") : json.get("results");
    return files.values().stream().anyMatch(file -> file.get("id").asLong() == fixture.id());
  }

  private static boolean leaks(Api.Answer answer, Fixture fixture) {
    var text = answer.text();
    return text.contains(fixture.name())
        || text.contains(fixture.sha256())
        || text.contains("%PDF")
        || answer.header("Content-Disposition") != null
        || answer.header("ETag") != null;
  }
}
