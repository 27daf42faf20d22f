package dev.fileshare.requests;

import static dev.fileshare.requests.RequestCalls.request;
import static dev.fileshare.requests.RequestCalls.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.support.Api;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every file request endpoint × {owner, other verified user, unverified user, anonymous}: only the
 * owner reaches a request, its uploads and its files; to anyone else it does not exist; the
 * request's own page and JSON open for anyone with the link. No refusal names the request.
 */
class RequestAuthorizationIntegrationTests extends RequestTest {

  @Autowired JdbcClient jdbc;

  /** One call, and the status each caller gets: owner, other, unverified, anonymous. */
  record Case(String method, String path, @Nullable Map<String, ?> body, int... statuses) {}

  @Test
  void onlyTheOwnerReachesARequest() {
    var owner = TestUsers.verified(api, jdbc);
    var other = TestUsers.verified(api, jdbc);
    var unverified = TestUsers.unverified(api, jdbc);
    var made = request(api, owner.token(), Map.of("title", "Secret title 7f3a"));
    var id = made.get("id").asLong();
    var link = tokenOf(made);
    var callers = Arrays.asList(owner.token(), other.token(), unverified.token(), null);

    var cases =
        List.of(
            new Case("GET", "/api/requests/", null, 200, 200, 200, 401),
            new Case("GET", "/api/requests/" + id + "/", null, 200, 404, 404, 401),
            new Case("GET", "/api/requests/" + id + "/uploads/", null, 200, 404, 404, 401),
            new Case("PATCH", "/api/requests/" + id + "/", Map.of("title", "x"), 404, 404, 401),
            new Case("DELETE", "/api/requests/" + id + "/", null, 404, 404, 401),
            new Case("GET", "/api/r/" + link + "/", null, 200, 200, 200, 200),
            new Case("GET", "/r/" + link, null, 200, 200, 200, 200));
    for (var c : cases) {
      // PATCH and DELETE are tried by the others only, so that the request stays as it is
      var from = c.statuses().length == callers.size() ? 0 : 1;
      for (var i = from; i < callers.size(); i++) {
        var answer = send(c, callers.get(i));
        assertThat(answer.status())
            .as("%s %s as caller %d: %s", c.method(), c.path(), i, answer)
            .isEqualTo(c.statuses()[i - from]);
        if (answer.status() >= 400) {
          assertThat(answer.text()).doesNotContain("Secret title 7f3a");
          assertThat(answer.contentType()).startsWith("application/problem+json");
        }
      }
    }

    for (var caller : List.of(other.token(), unverified.token())) {
      var theirs = api.get("/api/requests/").token(caller).send().json();
      assertThat(theirs.toString()).doesNotContain("Secret title 7f3a");
      var files = api.get("/api/files/?request=" + id).token(caller).send();
      assertThat(files.text()).doesNotContain("Secret title 7f3a");
      if (files.status() == 200) {
        assertThat(files.json().size()).isZero();
      }
    }
    assertThat(RequestCalls.get(api, owner.token(), id).get("title").asString())
        .isEqualTo("Secret title 7f3a");
  }

  private Api.Answer send(Case c, @Nullable String token) {
    var call = api.call(c.method(), c.path());
    if (token != null) {
      call.token(token);
    }
    if (c.body() != null) {
      call.json(c.body());
    }
    return call.send();
  }
}
