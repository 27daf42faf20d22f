package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.Secrets;
import dev.fileshare.shared.UserId;
import dev.fileshare.support.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Sign-in tokens against a real database (SQLite, made by the application's migrations) and a clock
 * the test moves: which tokens let a caller in, and when they stop.
 */
class TokenServiceTests {

  static final Duration IDLE = Duration.ofDays(30);
  static final Duration MAX_AGE = Duration.ofDays(90);

  @TempDir Path dir;
  final MutableClock clock = new MutableClock();
  JdbcClient jdbc;
  TokenService tokens;
  UserId alice;

  @BeforeEach
  void database() {
    var source = new DriverManagerDataSource("jdbc:sqlite:" + dir.resolve("tokens.db"));
    Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration/sqlite")
        .placeholders(Map.of("storage_type", "local"))
        .load()
        .migrate();
    jdbc = JdbcClient.create(source);
    alice = user("alice");
    var settings =
        new AuthSettings(
            IDLE,
            MAX_AGE,
            Duration.ofMinutes(1),
            Duration.ofSeconds(5),
            Duration.ofMinutes(10),
            null,
            List.of(),
            true,
            Duration.ofDays(180));
    tokens = new TokenService(new AuthTokenRows(jdbc), settings, clock);
  }

  UserId user(String name) {
    return new UserId(
        jdbc.sql(
                "INSERT INTO users (username, username_key, email, email_key, password_hash,"
                    + " joined_at) VALUES (?, ?, ?, ?, 'x', 0) RETURNING id")
            .params(name, name, name + "@example.org", name + "@example.org")
            .query(Long.class)
            .single());
  }

  Optional<UserId> who(String token) {
    return tokens.authenticate(token).map(AuthenticatedUser::userId);
  }

  @Test
  void aNewTokenLetsItsOwnerIn() {
    var token = tokens.issue(alice, SignInClient.UNKNOWN);

    assertThat(token).matches("[0-9a-f]{40}");
    assertThat(who(token)).contains(alice);
    assertThat(tokens.issue(alice, SignInClient.UNKNOWN)).isNotEqualTo(token);
  }

  @Test
  void aTokenUnusedForTheIdleTimeStops() {
    var token = tokens.issue(alice, SignInClient.UNKNOWN);

    clock.advance(IDLE.minusMinutes(1));
    assertThat(who(token)).as("used just before the idle time ends").contains(alice);
    clock.advance(IDLE.minusMinutes(1));
    assertThat(who(token)).as("each use starts the idle time again").contains(alice);
    clock.advance(IDLE);
    assertThat(who(token)).isEmpty();
    clock.reset();
    assertThat(who(token)).as("an expired token is gone for good").isEmpty();
  }

  @Test
  void aTokenStopsAtItsMaximumAgeHoweverOftenItIsUsed() {
    var token = tokens.issue(alice, SignInClient.UNKNOWN);

    for (var used = Duration.ZERO; used.compareTo(MAX_AGE) < 0; used = used.plusDays(10)) {
      assertThat(who(token)).as("after %s", used).contains(alice);
      clock.advance(Duration.ofDays(10));
    }
    assertThat(who(token)).as("after %s", MAX_AGE).isEmpty();
  }

  @Test
  void signingOutEndsOnlyThatToken() {
    var phone = tokens.issue(alice, SignInClient.UNKNOWN);
    var laptop = tokens.issue(alice, SignInClient.UNKNOWN);

    tokens.revoke(tokens.authenticate(phone).orElseThrow());

    assertThat(who(phone)).isEmpty();
    assertThat(who(laptop)).contains(alice);
  }

  @Test
  void signingOutEverywhereEndsEveryTokenOfTheUserAndNoOneElses() {
    var bob = tokens.issue(user("bob"), SignInClient.UNKNOWN);
    var phone = tokens.issue(alice, SignInClient.UNKNOWN);
    var laptop = tokens.issue(alice, SignInClient.UNKNOWN);

    tokens.revokeAllExcept(tokens.authenticate(laptop).orElseThrow());
    assertThat(who(phone)).isEmpty();
    assertThat(who(laptop)).contains(alice);

    tokens.revokeAll(alice);
    assertThat(who(laptop)).isEmpty();
    assertThat(who(bob)).isPresent();
  }

  @Test
  void tokensNeverIssuedOrMalformedLetNobodyIn() {
    tokens.issue(alice, SignInClient.UNKNOWN);

    assertThat(who(Secrets.generate(TokenService.BYTES))).isEmpty();
    assertThat(who("not a token")).isEmpty();
    assertThat(who(tokens.issue(alice, SignInClient.UNKNOWN).toUpperCase())).isEmpty();
    assertThat(who("")).isEmpty();
  }
}
