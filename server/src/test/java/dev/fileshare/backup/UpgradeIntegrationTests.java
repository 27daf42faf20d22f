package dev.fileshare.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Node;
import dev.fileshare.support.TestPeers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * An installation made by an earlier build opens on this one: each fixture under {@code
 * src/test/resources/upgrade/} (written by {@link UpgradeFixtureWriter} when its schema was
 * current) is put in place, the server is started on it, migrates it, and serves every file,
 * version, share, link and search as before, under the old tokens (and, in fixtures since schema
 * 29, the API key, the two-factor sign-in and the upload half sent). SQLite fixtures are the data
 * directory itself; PostgreSQL ones are made again from the release's migrations and a data dump.
 */
class UpgradeIntegrationTests {

  /**
   * Long enough that a fixture's tokens and trash outlive the years this test runs for. What a
   * fixture stored (a token's and an upload's end) is as long: {@link UpgradeFixtureWriter} writes
   * it with these times.
   */
  private static final Map<String, String> TIMELESS =
      Map.of(
          "fileshare.auth.token-idle-timeout", "36500d",
          "fileshare.auth.token-max-age", "36500d",
          "fileshare.trash.retention", "36500d",
          "fileshare.uploads.expiration", "36500d");

  @TestFactory
  Stream<DynamicTest> everyEarlierSchemaOpensAndServesItsFiles() throws Exception {
    var kind = "postgres".equals(TestPeers.database()) ? "postgresql" : "sqlite";
    var root = Path.of(UpgradeIntegrationTests.class.getResource("/upgrade").toURI());
    var fixtures =
        Files.list(root)
            .filter(dir -> dir.getFileName().toString().startsWith(kind + "-"))
            .toList();
    assertThat(fixtures).as("fixtures for " + kind).isNotEmpty();
    return fixtures.stream()
        .map(
            fixture ->
                DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> open(fixture)));
  }

  private static void open(Path fixture) throws Exception {
    var properties = new Properties();
    try (var reader = Files.newBufferedReader(fixture.resolve("fixture.properties"))) {
      properties.load(reader);
    }
    var dataDir = Files.createTempDirectory("fileshare-upgrade-");
    copy(fixture.resolve("blobs"), dataDir.resolve("blobs"));
    var settings = new HashMap<>(TIMELESS);
    settings.put("fileshare.data-dir", dataDir.toString());
    if (Files.exists(fixture.resolve("fileshare.db"))) {
      Files.copy(fixture.resolve("fileshare.db"), dataDir.resolve("fileshare.db"));
    } else {
      var url = TestPeers.newPostgresDatabase();
      Flyway.configure()
          .dataSource(url, "postgres", "postgres")
          .locations("classpath:db/migration/postgresql")
          .placeholders(Map.of("storage_type", "local"))
          .target(properties.getProperty("schema"))
          .load()
          .migrate();
      try (var connection = DriverManager.getConnection(url, "postgres", "postgres");
          var statement = connection.createStatement()) {
        statement.execute(Files.readString(fixture.resolve("data.sql")));
      }
      settings.putAll(Node.postgres(url));
    }
    try (var node = Node.start(settings)) {
      Installation.of(properties).assertServedBy(node.api());
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (var path : paths.filter(Files::isRegularFile).toList()) {
        var copy = to.resolve(from.relativize(path).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(path, copy);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
