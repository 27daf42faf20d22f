package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fileshare.shared.Secrets;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SignUp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tokens are cached on each node for a few seconds: a sign-out on this node ends the token at once;
 * one on another node (here: the row deleted behind this node's back) within the cache's time.
 */
class TokenCacheIntegrationTests extends ApiTest {

  @Autowired JdbcClient jdbc;

  @Test
  void signOutHereEndsTheTokenAtOnce() {
    var token = SignUp.verifiedUser(api, SignUp.newName("cache"));
    assertThat(api.get("/api/user/me/").token(token).send().status()).isEqualTo(200);

    assertThat(api.post("/api/user/logout/").token(token).send().status()).isEqualTo(200);
    assertThat(api.get("/api/user/me/").token(token).send().status()).isEqualTo(401);
  }

  @Test
  void signOutOnAnotherNodeEndsTheTokenWithinTheCacheTime() {
    var token = SignUp.verifiedUser(api, SignUp.newName("cache"));
    assertThat(api.get("/api/user/me/").token(token).send().status()).isEqualTo(200);

    jdbc.sql("DELETE FROM auth_tokens WHERE token_hash = ?").param(Secrets.hash(token)).update();
    await()
        .atMost(Duration.ofSeconds(5).plusSeconds(5))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.get("/api/user/me/").token(token).send().status() == 401);
  }
}
