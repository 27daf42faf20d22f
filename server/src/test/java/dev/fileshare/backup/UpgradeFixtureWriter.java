package dev.fileshare.backup;

import dev.fileshare.platform.DatabaseKind;
import dev.fileshare.support.Node;
import dev.fileshare.support.TestPeers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the installation of this build as an upgrade fixture, for {@link UpgradeIntegrationTests}
 * to open with every later build: made through the API ({@link Installation}), then kept as its
 * data directory (SQLite: the database and the blobs) or as the blobs and a data-only SQL dump
 * (PostgreSQL: the schema is the release's migrations, which never change). Run once per release,
 * on each database: {@code deploy/upgrade-fixture.sh}. Not part of the suite.
 */
class UpgradeFixtureWriter {

  @Test
  void write() throws Exception {
    var out = Path.of(System.getProperty("upgrade.out", "src/test/resources/upgrade"));
    var dataDir = Files.createTempDirectory("fileshare-fixture-");
    var postgres = "postgres".equals(TestPeers.database());
    var settings = new HashMap<String, String>();
    settings.put("fileshare.data-dir", dataDir.toString());
    // the tokens and the upload left half sent keep the dates they are written with: they must
    // not expire before a later build opens the fixture, which may be years from now
    settings.put("fileshare.auth.token-max-age", "36500d");
    settings.put("fileshare.uploads.expiration", "36500d");
    var url = postgres ? TestPeers.newPostgresDatabase() : "";
    if (postgres) {
      settings.putAll(Node.postgres(url));
    }
    Installation installation;
    String schema;
    var target = Files.createTempDirectory("fileshare-fixture-out-");
    try (var node = Node.start(settings)) {
      installation = Installation.populate(node.api());
      var jdbc = node.bean(JdbcClient.class);
      schema =
          jdbc.sql(
                  "SELECT version FROM flyway_schema_history WHERE success"
                      + " ORDER BY installed_rank DESC LIMIT 1")
              .query(String.class)
              .single();
      if (!postgres) {
        jdbc.sql("VACUUM INTO '" + target.resolve("fileshare.db") + "'").update();
      }
    }
    copyBlobs(dataDir.resolve("blobs"), target.resolve("blobs"));
    if (postgres) {
      Files.writeString(target.resolve("data.sql"), dump(url), StandardCharsets.UTF_8);
    }
    var properties = installation.properties();
    properties.setProperty("schema", schema);
    try (var writer = Files.newBufferedWriter(target.resolve("fixture.properties"))) {
      properties.store(writer, "an installation made by the build with schema version " + schema);
    }
    var named = out.resolve((postgres ? "postgresql" : "sqlite") + "-v" + schema);
    Files.createDirectories(out);
    if (Files.exists(named)) {
      throw new IllegalStateException(named + " exists: a release's fixture is never rewritten");
    }
    Files.move(target, named);
  }

  private static void copyBlobs(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      paths
          .filter(Files::isRegularFile)
          .filter(path -> !from.relativize(path).startsWith("tmp"))
          .forEach(
              path -> {
                try {
                  var copy = to.resolve(from.relativize(path).toString());
                  Files.createDirectories(copy.getParent());
                  Files.copy(path, copy);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  /** Every row of every table as INSERT statements, in foreign key order, and the sequences. */
  private static String dump(String url) throws SQLException {
    // as pg_dump --data-only --disable-triggers: the rows as they were, counts included, with the
    // triggers off; and the rows the migrations put in first (the counts' stripes) replaced
    var sql = new StringBuilder("SET session_replication_role = replica;\n");
    try (var connection = DriverManager.getConnection(url, "postgres", "postgres")) {
      var schema = new SchemaReader(connection, DatabaseKind.POSTGRESQL);
      for (var table : schema.tables()) {
        sql.append("DELETE FROM ").append(table).append(";\n");
        var columns = schema.columns(table);
        var names = String.join(", ", columns.stream().map(SchemaReader.Column::name).toList());
        try (var statement = connection.createStatement();
            var rows = statement.executeQuery("SELECT " + names + " FROM " + table)) {
          while (rows.next()) {
            var values = new StringBuilder();
            for (var i = 0; i < columns.size(); i++) {
              var value = rows.getString(i + 1);
              values.append(i == 0 ? "" : ", ");
              if (value == null) {
                values.append("NULL");
              } else {
                values.append(
                    switch (columns.get(i).kind()) {
                      case BOOLEAN -> rows.getBoolean(i + 1) ? "TRUE" : "FALSE";
                      case INTEGER, DECIMAL -> value;
                      case BYTES -> "'\\x" + HexFormat.of().formatHex(rows.getBytes(i + 1)) + "'";
                      case TEXT -> "'" + value.replace("'", "''") + "'";
                    });
              }
            }
            sql.append("INSERT INTO ")
                .append(table)
                .append(" (")
                .append(names)
                .append(") VALUES (")
                .append(values)
                .append(");\n");
          }
        }
      }
      for (var numbered : schema.numbering().entrySet()) {
        var last = schema.lastNumber(numbered.getKey(), numbered.getValue());
        if (last > 0) {
          sql.append(
              String.format(
                  Locale.ROOT,
                  "SELECT setval(pg_get_serial_sequence('%s', '%s'), %d);%n",
                  numbered.getKey(),
                  numbered.getValue(),
                  last));
        }
      }
    }
    return sql.append("SET session_replication_role = DEFAULT;\n").toString();
  }
}
