package dev.fileshare.sharing;

import static dev.fileshare.sharing.LinkCalls.create;
import static dev.fileshare.sharing.LinkCalls.download;
import static dev.fileshare.sharing.LinkCalls.link;
import static dev.fileshare.sharing.LinkCalls.tokenOf;
import static dev.fileshare.sharing.LinkCalls.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fileshare.files.TestUsers;
import dev.fileshare.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The operator's settings: a default expiry, a required password, no addresses in the log. */
@TestPropertySource(
    properties = {
      "fileshare.sharing.default-expiry=2d",
      "fileshare.sharing.require-password=true",
      "fileshare.sharing.password-min-length=8",
      "fileshare.sharing.log-addresses=none"
    })
class LinkSettingsIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  @Test
  void theOperatorsSettingsShapeEveryLink() {
    var owner = TestUsers.verified(api, jdbc);
    var file = upload(api, owner.token(), "policy.pdf", "private");

    var settings = api.get("/api/links/settings/").token(owner.token()).send().json();
    assertThat(settings.get("require_password").asBoolean()).isTrue();
    assertThat(settings.get("default_expiry_seconds").asLong()).isEqualTo(2 * 86400);
    assertThat(settings.get("max_expiry_seconds").isNull()).isTrue();

    var withoutPassword = create(api, owner.token(), file, Map.of());
    assertThat(withoutPassword.status()).isEqualTo(400);
    assertThat(withoutPassword.json().get("password").get(0).asString())
        .contains("must have a password");
    var tooShort = create(api, owner.token(), file, Map.of("password", "seven77"));
    assertThat(tooShort.json().get("password").get(0).asString()).contains("at least 8");

    var json = link(api, owner.token(), file, Map.of("password", "eight888"));
    assertThat(Instant.parse(json.get("expires").asString()))
        .isCloseTo(clock.instant().plus(Duration.ofDays(2)), within(1, ChronoUnit.MINUTES));
    var never = new HashMap<String, Object>();
    never.put("password", "eight888");
    never.put("expires", null);
    assertThat(link(api, owner.token(), file, never).get("expires").isNull()).isTrue();

    var removePassword = new HashMap<String, Object>();
    removePassword.put("password", null);
    var refused =
        api.call("PATCH", "/api/links/" + json.get("id").asLong() + "/")
            .token(owner.token())
            .json(removePassword)
            .send();
    assertThat(refused.status()).isEqualTo(400);

    var token = tokenOf(json);
    api.get("/s/" + token).send();
    api.post("/api/s/" + token + "/unlock/").json(Map.of("password", "not it at all")).send();
    var log =
        api.get("/api/links/" + json.get("id").asLong() + "/log/").token(owner.token()).send();
    assertThat(log.json().get("results").values())
        .hasSize(2)
        .allSatisfy(event -> assertThat(event.get("address").isNull()).isTrue());
    assertThat(download(api, token).status()).isEqualTo(403);
  }
}
