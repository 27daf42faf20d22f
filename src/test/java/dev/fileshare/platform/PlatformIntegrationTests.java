package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.ApiTest;
import org.junit.jupiter.api.Test;

class PlatformIntegrationTests extends ApiTest {

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
}
