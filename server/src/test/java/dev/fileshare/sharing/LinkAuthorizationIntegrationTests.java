package dev.fileshare.sharing;

import static dev.fileshare.sharing.LinkCalls.link;
import static dev.fileshare.sharing.LinkCalls.tokenOf;
import static dev.fileshare.sharing.LinkCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every link endpoint × {owner, other verified user, unverified user, anonymous}: only the owner
 * reaches a file's links and a link, someone else's file answers as the files endpoints do (404
 * when private, 403 when seen but not owned), someone else's link is 404; the link itself opens for
 * anyone.
 */
class LinkAuthorizationIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  record Call(String method, String path, @Nullable Map<String, ?> body) {}

  @Test
  void onlyTheOwnerReachesAFilesLinks() {
    var owner = TestUsers.verified(api, jdbc);
    var other = TestUsers.verified(api, jdbc);
    var unverified = TestUsers.unverified(api, jdbc);
    var shared = upload(api, owner.token(), "shared.pdf", "users");
    var hidden = upload(api, owner.token(), "hidden.pdf", "private");
    var linkJson = link(api, owner.token(), shared, Map.of());
    var id = linkJson.get("id").asLong();
    var token = tokenOf(linkJson);

    // status for: owner, other verified, unverified, anonymous
    check(
        owner,
        other,
        unverified,
        new Call("POST", "/api/files/" + shared + "/links/", Map.of()),
        201,
        403,
        403,
        401);
    check(
        owner,
        other,
        unverified,
        new Call("POST", "/api/files/" + hidden + "/links/", Map.of()),
        201,
        404,
        404,
        401);
    check(
        owner,
        other,
        unverified,
        new Call("GET", "/api/files/" + shared + "/links/", null),
        200,
        403,
        403,
        401);
    check(
        owner,
        other,
        unverified,
        new Call("GET", "/api/files/" + hidden + "/links/", null),
        200,
        404,
        404,
        401);
    check(
        owner,
        other,
        unverified,
        new Call("GET", "/api/files/" + shared + "/links/log/", null),
        200,
        403,
        403,
        401);
    check(
        owner,
        other,
        unverified,
        new Call("GET", "/api/files/" + hidden + "/links/log/", null),
        200,
        404,
        404,
        401);
    check(owner, other, unverified, new Call("GET", "/api/links/", null), 200, 200, 200, 401);
    check(
        owner,
        other,
        unverified,
        new Call("GET", "/api/links/" + id + "/", null),
        200,
        404,
        404,
        401);
    check(
        owner,
        other,
        unverified,
        new Call("PATCH", "/api/links/" + id + "/", Map.of("label", "x")),
        200,
        404,
        404,
        401);
    check(
        owner,
        other,
        unverified,
        new Call("GET", "/api/links/" + id + "/log/", null),
        200,
        404,
        404,
        401);
    check(
        owner,
        other,
        unverified,
        new Call(
            "POST",
            "/api/links/" + id + "/mail/",
            Map.of("to", List.of(owner.username() + "@example.org"))),
        202,
        404,
        404,
        401);
    check(
        owner,
        other,
        unverified,
        new Call("GET", "/api/s/" + token + "/", null),
        200,
        200,
        200,
        200);
    check(owner, other, unverified, new Call("GET", "/s/" + token, null), 200, 200, 200, 200);
    // others see none of the owner's links in their own lists
    for (var user : List.of(other, unverified)) {
      assertThat(api.get("/api/links/").token(user.token()).send().json().values()).isEmpty();
    }
    check(
        owner,
        other,
        unverified,
        new Call("DELETE", "/api/links/" + id + "/", null),
        204,
        404,
        404,
        401);
  }

  /** Calls as the three others first, then as the owner, so the owner's change comes last. */
  private void check(
      TestUsers.User owner,
      TestUsers.User other,
      TestUsers.User unverified,
      Call call,
      int asOwner,
      int asOther,
      int asUnverified,
      int asAnonymous) {
    var actual = new ArrayList<Integer>();
    actual.add(0);
    actual.add(send(call, other.token()));
    actual.add(send(call, unverified.token()));
    actual.add(send(call, null));
    actual.set(0, send(call, owner.token()));
    assertThat(actual)
        .as(call.method() + " " + call.path() + " as owner, other, unverified, anonymous")
        .containsExactly(asOwner, asOther, asUnverified, asAnonymous);
  }

  private int send(Call call, @Nullable String token) {
    Api.Call request = api.call(call.method(), call.path());
    if (token != null) {
      request.token(token);
    }
    if (call.body() != null) {
      request.json(call.body());
    }
    return request.send().status();
  }
}
