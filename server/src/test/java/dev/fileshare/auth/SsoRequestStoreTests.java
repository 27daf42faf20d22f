package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/** A pending sign-in survives its trip through the database as JSON. */
class SsoRequestStoreTests {

  @Test
  void whatTheCallbackNeedsComesBack() {
    var request =
        OAuth2AuthorizationRequest.authorizationCode()
            .authorizationUri("https://id.example.org/auth")
            .clientId("fileshare")
            .redirectUri("https://files.example.org/login/oauth2/code/keycloak")
            .scopes(Set.of("openid", "email"))
            .state("state-1")
            .additionalParameters(Map.of("nonce", "hashed-nonce", "code_challenge", "abc"))
            .attributes(
                Map.of("registration_id", "keycloak", "nonce", "nonce-1", "code_verifier", "v"))
            .build();

    var back = SsoRequestStore.read(SsoRequestStore.write(request));

    assertThat(back.getAuthorizationUri()).isEqualTo(request.getAuthorizationUri());
    assertThat(back.getClientId()).isEqualTo("fileshare");
    assertThat(back.getRedirectUri()).isEqualTo(request.getRedirectUri());
    assertThat(back.getScopes()).containsExactlyInAnyOrder("openid", "email");
    assertThat(back.getState()).isEqualTo("state-1");
    assertThat(back.getAdditionalParameters()).isEqualTo(request.getAdditionalParameters());
    assertThat(back.getAttributes()).isEqualTo(request.getAttributes());
    assertThat(back.getAuthorizationRequestUri()).isEqualTo(request.getAuthorizationRequestUri());
  }
}
