package dev.fileshare.files;

import static dev.fileshare.files.VersionCalls.numbers;
import static dev.fileshare.files.VersionCalls.replaced;
import static dev.fileshare.files.VersionCalls.sha256;
import static dev.fileshare.files.VersionCalls.uploaded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may do what with a file's versions: the owner everything, an edit share all but deleting, a
 * read share nothing (403: they see the file), another user nothing (404 for a private file, 403
 * for one shared with users), and nobody signed in nothing (401). A refusal changes nothing and
 * shows nothing of the version.
 */
class VersionAccessIntegrationTests extends ApiTest {

  enum Caller {
    OWNER,
    EDIT_SHARE,
    READ_SHARE,
    OTHER,
    ANONYMOUS
  }

  enum Op {
    LIST,
    DOWNLOAD,
    RESTORE,
    DELETE
  }

  @Autowired JdbcClient jdbc;
  Map<Caller, TestUsers.User> users;

  @BeforeEach
  void users() {
    users = new EnumMap<>(Caller.class);
    for (var caller : new Caller[] {Caller.OWNER, Caller.EDIT_SHARE, Caller.READ_SHARE}) {
      users.put(caller, TestUsers.verified(api, jdbc));
    }
    users.put(Caller.OTHER, TestUsers.verified(api, jdbc));
  }

  @Test
  void eachCallerGetsWhatTheRulesSay() {
    for (var caller : Caller.values()) {
      for (var op : Op.values()) {
        check(caller, op, "private", expected(caller, op, "private"));
      }
    }
    for (var op : Op.values()) {
      check(Caller.OTHER, op, "users", 403);
    }
  }

  static int expected(Caller caller, Op op, String visibility) {
    var success = op == Op.DELETE ? 204 : 200;
    return switch (caller) {
      case OWNER -> success;
      case EDIT_SHARE -> op == Op.DELETE ? 403 : success;
      case READ_SHARE -> 403;
      case OTHER -> visibility.equals("private") ? 404 : 403;
      case ANONYMOUS -> 401;
    };
  }

  /** On a fresh file with one version, the call answers as expected, and a refusal is harmless. */
  private void check(Caller caller, Op op, String visibility, int status) {
    var owner = users.get(Caller.OWNER).token();
    var old = TestPdfs.pdf("old " + caller + op);
    var id = uploaded(api, owner, old);
    ShareCalls.shared(api, owner, id, users.get(Caller.EDIT_SHARE).username(), "edit");
    ShareCalls.shared(api, owner, id, users.get(Caller.READ_SHARE).username(), "read");
    replaced(api, owner, id, TestPdfs.pdf("new " + caller + op));
    if (!visibility.equals("private")) {
      api.call("PATCH", "/api/files/" + id + "/")
          .token(owner)
          .json(Map.of("visibility", visibility))
          .send();
    }
    var user = users.get(caller);
    var answer = call(op, user == null ? null : user.token(), id);

    assertThat(answer.status())
        .as("%s %s on a %s file: %s", caller, op, visibility, answer)
        .isEqualTo(status);
    if (status >= 400) {
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.text()).doesNotContain(sha256(old));
      assertThat(numbers(api, owner, id)).as("versions after a refusal").containsExactly(1L);
    }
  }

  private Api.Answer call(Op op, @Nullable String token, long id) {
    var call =
        switch (op) {
          case LIST -> api.get(VersionCalls.path(id));
          case DOWNLOAD -> api.get(VersionCalls.path(id, 1) + "download/");
          case RESTORE -> api.post(VersionCalls.path(id, 1) + "restore/");
          case DELETE -> api.call("DELETE", VersionCalls.path(id, 1));
        };
    return token == null ? call.send() : call.token(token).send();
  }
}
