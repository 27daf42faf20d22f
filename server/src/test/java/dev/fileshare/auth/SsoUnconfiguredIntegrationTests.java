package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without an identity provider configured, single sign-on is simply not there. */
class SsoUnconfiguredIntegrationTests extends ApiTest {

  @Test
  void noProviderIsListed() {
    var answer = api.get("/api/auth/providers/").send();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().isArray()).isTrue();
    assertThat(answer.json().size()).isZero();
  }

  @Test
  void itsAddressesAreNotFound() {
    var start = api.get("/oauth2/authorization/keycloak").send();
    assertThat(start.status()).isEqualTo(404);
    assertThat(start.contentType()).startsWith("application/problem+json");
    assertThat(api.get("/login/oauth2/code/keycloak?code=x&state=y").send().status())
        .isEqualTo(404);
  }

  @Test
  void theApiDocumentNamesItsEndpoints() {
    var paths = api.get("/api/schema").send().json().get("paths");
    assertThat(paths.has("/api/auth/providers")).isTrue();
    assertThat(paths.get("/api/auth/providers").has("get")).isTrue();
    assertThat(paths.get("/api/user/login/sso").get("post").get("summary").asString())
        .contains("one-time code");
  }

  @Test
  void aCodeIsRefused() {
    var answer = api.post("/api/user/login/sso/").json(Map.of("code", "0".repeat(40))).send();
    assertThat(answer.status()).isEqualTo(400);
  }
}
