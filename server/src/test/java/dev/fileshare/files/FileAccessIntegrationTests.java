package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may do what: every endpoint and method, as the owner, another verified user, an unverified
 * user, and nobody, on files shared with users and on private files.
 */
@IntegrationTest
class FileAccessIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;
  TestUsers.User owner;
  TestUsers.User other;
  TestUsers.User unverified;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    owner = TestUsers.verified(api, jdbc);
    other = TestUsers.verified(api, jdbc);
    unverified = TestUsers.unverified(api, jdbc);
  }

  enum Caller {
    OWNER,
    OTHER,
    UNVERIFIED,
    ANONYMOUS
  }

  record Case(String visibility, Caller caller, String method, String endpoint, int expected) {}

  @Test
  void matrix() {
    var cases = new ArrayList<Case>();
    for (var visibility : List.of("users", "private")) {
      var shared = visibility.equals("users");
      for (var caller : Caller.values()) {
        var read =
            switch (caller) {
              case OWNER -> 200;
              case OTHER -> shared ? 200 : 404;
              case UNVERIFIED -> shared ? 403 : 404;
              case ANONYMOUS -> 401;
            };
        var write =
            switch (caller) {
              case OWNER -> 200;
              case OTHER, UNVERIFIED -> shared ? 403 : 404;
              case ANONYMOUS -> 401;
            };
        cases.add(new Case(visibility, caller, "GET", "files", read));
        cases.add(new Case(visibility, caller, "GET", "download", read));
        cases.add(new Case(visibility, caller, "HEAD", "download", read));
        cases.add(new Case(visibility, caller, "PUT", "files", write));
        cases.add(new Case(visibility, caller, "PATCH", "files", write));
        cases.add(new Case(visibility, caller, "PATCH-json", "files", write));
        cases.add(new Case(visibility, caller, "DELETE", "files", write == 200 ? 204 : write));
      }
    }
    var failures = new ArrayList<String>();
    for (var c : cases) {
      var id = FileCalls.created(api, owner.token(), "m.pdf", c.visibility()).get("id").asLong();
      var status = call(c, id);
      if (status != c.expected()) {
        failures.add(c + " answered " + status);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void listsShowWhatTheCallerMaySee() {
    var shared = FileCalls.created(api, owner.token(), "shared.pdf", "users").get("id").asLong();
    var hidden = FileCalls.created(api, owner.token(), "hidden.pdf", "private").get("id").asLong();
    assertThat(ids(other.token(), "/api/files/")).contains(shared).doesNotContain(hidden);
    assertThat(ids(other.token(), "/api/all_files/")).contains(shared).doesNotContain(hidden);
    assertThat(ids(unverified.token(), "/api/files/")).doesNotContain(shared, hidden);
    assertThat(ids(owner.token(), "/api/files/")).contains(shared, hidden);
    for (var path : List.of("/api/files/", "/api/all_files/")) {
      var anonymous = api.get(path).send();
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Token");
      assertThat(anonymous.json().get("detail").asString())
          .isEqualTo("Authentication credentials were not provided.");
    }
    assertThat(api.post("/api/files/").token("0".repeat(40)).send().json().get("detail").asString())
        .isEqualTo("Invalid token.");
    assertThat(api.get("/media/store/pdfs/m.pdf").send().status()).isIn(401, 404);
  }

  @Test
  void sharedFilesAppearAsSoonAsTheAddressIsConfirmed() {
    var shared = FileCalls.created(api, owner.token(), "shared.pdf", "users").get("id").asLong();
    assertThat(ids(unverified.token(), "/api/all_files/")).doesNotContain(shared);
    assertThat(api.get("/api/files/" + shared + "/").token(unverified.token()).send().status())
        .isEqualTo(403);

    TestUsers.confirm(jdbc, unverified);

    assertThat(ids(unverified.token(), "/api/all_files/")).contains(shared);
    assertThat(api.get("/api/files/" + shared + "/").token(unverified.token()).send().status())
        .isEqualTo(200);
  }

  private List<Long> ids(String token, String path) {
    var json = api.get(path).token(token).send().json();
    var files = json.isArray() ? json : json.get("files");
    return files.values().stream().map(f -> f.get("id").asLong()).toList();
  }

  private int call(Case c, long id) {
    var token =
        switch (c.caller()) {
          case OWNER -> owner.token();
          case OTHER -> other.token();
          case UNVERIFIED -> unverified.token();
          case ANONYMOUS -> null;
        };
    var path = "/api/" + c.endpoint() + "/" + id + "/";
    var call =
        switch (c.method()) {
          case "PUT", "PATCH" -> {
            var form = new Multipart().pdf("new.pdf", TestPdfs.pdf("new " + id));
            yield api.call(c.method(), path).body(form.contentType(), form.bytes());
          }
          case "PATCH-json" -> api.call("PATCH", path).json("{\"name\":\"renamed.pdf\"}");
          default -> api.call(c.method(), path);
        };
    if (token != null) {
      call.token(token);
    }
    return call.send().status();
  }
}
