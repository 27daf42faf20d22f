package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SignUp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PlatformIntegrationTests extends ApiTest {

  @Autowired javax.sql.DataSource dataSource;

  /** SQLite's writers queue for its one write lock; PostgreSQL away must answer 503 soon. */
  @Test
  void requestsWaitForAConnectionAsLongAsTheDatabaseWarrants() {
    var pool = (com.zaxxer.hikari.HikariDataSource) dataSource;
    var sqlite = pool.getJdbcUrl().startsWith("jdbc:sqlite:");
    assertThat(sqlite).isEqualTo("sqlite".equals(dev.fileshare.support.TestPeers.database()));
    assertThat(pool.getConnectionTimeout()).isEqualTo(sqlite ? 30_000 : 5_000);
  }

  @Test
  void healthIsUp() {
    var answer = api.get("/actuator/health").send();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void prometheusMetricsAreExposed() {
    var answer = api.get("/actuator/prometheus").send();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).contains("jvm_memory_used_bytes");
  }

  @Test
  void openApiDocumentAndSwaggerUiAreServed() {
    var schema = api.get("/api/schema").send();
    assertThat(schema.status()).isEqualTo(200);
    assertThat(schema.json().get("openapi").asString()).startsWith("3.");
    assertThat(schema.json().get("info").get("title").asString()).isEqualTo("fileshare");
    assertThat(schema.json().get("paths").has("/api/user/login")).isTrue();
    assertThat(schema.json().get("paths").has("/api/files")).isTrue();
    assertThat(schema.json().at("/components/securitySchemes/token/name").asString())
        .isEqualTo("Authorization");
    var slash = api.get("/api/schema/").send();
    assertThat(slash.status()).isEqualTo(200);
    var docs = api.get("/api/docs").send();
    assertThat(docs.status()).as(docs.toString()).isEqualTo(302);
    var location = java.net.URI.create(docs.header("Location"));
    var ui = api.get(location.getRawPath()).send();
    assertThat(ui.status()).as(location.toString()).isEqualTo(200);
    assertThat(ui.text()).contains("swagger");
  }

  @Test
  void unknownPathIsAProblemNotAPage() {
    var answer = api.get("/api/nothing-here/").send();
    assertThat(answer.status()).isIn(401, 404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.text()).doesNotContain("Exception").doesNotContain("at dev.");
  }

  @Test
  void errorsFromSecurityAndFromControllersAreProblemsOfOneShape() {
    var token = SignUp.verifiedUser(api, SignUp.newName("shape"));
    var noToken = api.get("/api/files/").header("Accept", "text/html").send();
    var badToken = api.get("/api/files/").token("0".repeat(40)).send();
    var forbidden = api.get("/actuator/env").token(token).send();
    var notFound = api.get("/api/files/99999999/").token(token).send();
    var badLogin =
        api.post("/api/user/login/").json(Map.of("username", "x", "password", "y")).send();

    assertProblem(noToken, 401, "Authentication credentials were not provided.");
    assertThat(noToken.header("WWW-Authenticate")).isEqualTo("Token");
    assertProblem(badToken, 401, "Invalid token.");
    assertProblem(forbidden, 403, "You do not have permission to perform this action.");
    assertProblem(notFound, 404, "Not found.");
    assertProblem(badLogin, 400, "Invalid credentials");
    assertThat(badLogin.json().get("error").asString()).isEqualTo("Invalid credentials");
  }

  /** RFC 9457 members, with the original API's {@code detail} among them. */
  static void assertProblem(Api.Answer answer, int status, String detail) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    var json = answer.json();
    assertThat(json.get("type").asString()).isEqualTo("about:blank");
    assertThat(json.get("title").asString()).isNotBlank();
    assertThat(json.get("status").asInt()).isEqualTo(status);
    assertThat(json.get("detail").asString()).isEqualTo(detail);
    assertThat(json.get("instance").asString()).startsWith("/");
  }
}
