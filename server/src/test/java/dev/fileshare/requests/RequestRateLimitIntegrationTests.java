package dev.fileshare.requests;

import static dev.fileshare.requests.RequestCalls.request;
import static dev.fileshare.requests.RequestCalls.send;
import static dev.fileshare.requests.RequestCalls.tokenOf;
import static dev.fileshare.requests.RequestCalls.visit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.files.TestUsers;
import dev.fileshare.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** One client address sends only so many files and guesses only so many passwords. */
@TestPropertySource(
    properties = {
      "fileshare.requests.uploads-per-address=2/1h",
      "fileshare.requests.password-failures-per-request=2/15m"
    })
class RequestRateLimitIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  @Test
  void uploadsFromOneAddressAreLimitedAcrossRequests() {
    var owner = TestUsers.verified(api, jdbc);
    var first = tokenOf(request(api, owner.token(), Map.of("title", "One")));
    var second = tokenOf(request(api, owner.token(), Map.of("title", "Two")));
    assertThat(send(api, first, visit(api, first), "1.pdf", TestPdfs.pdf("1")).status())
        .isEqualTo(201);
    assertThat(send(api, second, visit(api, second), "2.pdf", TestPdfs.pdf("2")).status())
        .isEqualTo(201);
    var third = send(api, second, visit(api, second), "3.pdf", TestPdfs.pdf("3"));
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.header("Retry-After")).isNotNull();
  }

  @Test
  void wrongPasswordsForOneRequestAreLimited() {
    var owner = TestUsers.verified(api, jdbc);
    var token =
        tokenOf(request(api, owner.token(), Map.of("title", "Locked", "password", "s3cret!")));
    for (var i = 0; i < 2; i++) {
      var wrong = api.post("/api/r/" + token + "/visits/").json(Map.of("password", "guess")).send();
      assertThat(wrong.status()).isEqualTo(400);
    }
    var blocked = api.post("/api/r/" + token + "/visits/").json(Map.of("password", "s3cret!"));
    var answer = blocked.send();
    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.header("Retry-After")).isNotNull();
  }
}
