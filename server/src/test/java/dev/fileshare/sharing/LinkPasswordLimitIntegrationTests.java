package dev.fileshare.sharing;

import static dev.fileshare.sharing.LinkCalls.link;
import static dev.fileshare.sharing.LinkCalls.tokenOf;
import static dev.fileshare.sharing.LinkCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestUsers;
import dev.fileshare.support.ApiTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Guessing a link's password is stopped per link and per client address, with Retry-After. */
@TestPropertySource(
    properties = {
      "fileshare.sharing.password-failures-per-link=3/10m",
      "fileshare.sharing.password-failures-per-address=5/10m"
    })
class LinkPasswordLimitIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  @Test
  void wrongPasswordsAreLimitedPerLinkAndPerAddress() {
    var owner = TestUsers.verified(api, jdbc);
    var file = upload(api, owner.token(), "guarded.pdf", "private");
    var first = tokenOf(link(api, owner.token(), file, Map.of("password", "right one")));
    var second = tokenOf(link(api, owner.token(), file, Map.of("password", "right two")));

    for (var i = 0; i < 3; i++) {
      assertThat(unlock(first, "guess " + i)).isEqualTo(400);
    }
    var locked =
        api.post("/api/s/" + first + "/unlock/").json(Map.of("password", "right one")).send();
    assertThat(locked.status()).isEqualTo(429);
    assertThat(Long.parseLong(locked.header("Retry-After"))).isPositive();
    var page = api.post("/s/" + first).form(Map.of("password", "right one")).send();
    assertThat(page.status()).isEqualTo(429);
    assertThat(page.header("Retry-After")).isNotNull();
    assertThat(page.text()).contains("Too many attempts");

    // the second link has its own count, but the address has two wrong guesses left in all
    assertThat(unlock(second, "guess a")).isEqualTo(400);
    assertThat(unlock(second, "guess b")).isEqualTo(400);
    assertThat(unlock(second, "right two")).isEqualTo(429);

    clock.advance(Duration.ofMinutes(11));
    assertThat(unlock(first, "right one")).isEqualTo(200);
  }

  private int unlock(String token, String password) {
    return api.post("/api/s/" + token + "/unlock/")
        .json(Map.of("password", password))
        .send()
        .status();
  }
}
