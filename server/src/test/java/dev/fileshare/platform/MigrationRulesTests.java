package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations from V20 on only add, so that nodes of two releases can run against one schema while
 * they are replaced one at a time (docs/deployment.md, "Upgrades"): one that drops or renames says
 * why in a line starting with {@code -- stop every node:}. Dropping an index takes nothing away
 * that a query of either release names, only a way to answer it: such a migration names the index
 * that answers instead, in a line starting with {@code -- replaced by:}.
 */
class MigrationRulesTests {

  private static final int FIRST_UNDER_THE_RULE = 20;
  private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");
  private static final Pattern TAKES_AWAY =
      Pattern.compile("\\b(DROP\\s+(TABLE|COLUMN|TRIGGER|FUNCTION|VIEW)|RENAME)\\b");
  private static final Pattern DROPS_INDEX = Pattern.compile("\\bDROP\\s+INDEX\\b");

  @Test
  void migrationsOnlyAddUnlessTheySayWhyNot() throws IOException {
    var broken = new ArrayList<String>();
    for (var file : migrations()) {
      var matcher = VERSION.matcher(file.getFileName().toString());
      if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < FIRST_UNDER_THE_RULE) {
        continue;
      }
      var sql = Files.readString(file);
      if (does(sql, TAKES_AWAY) && !says(sql, "-- stop every node:")
          || does(sql, DROPS_INDEX) && !says(sql, "-- replaced by:")) {
        broken.add(file.toString());
      }
    }
    assertThat(broken).as("migrations that drop or rename without saying why").isEmpty();
  }

  private static boolean does(String sql, Pattern statement) {
    return sql.lines()
        .filter(line -> !line.strip().startsWith("--"))
        .anyMatch(line -> statement.matcher(line.toUpperCase(Locale.ROOT)).find());
  }

  private static boolean says(String sql, String reason) {
    return sql.lines().anyMatch(line -> line.startsWith(reason));
  }

  @Test
  void theRuleSeesADrop() {
    assertThat(TAKES_AWAY.matcher("ALTER TABLE FILES DROP COLUMN NAME;").find()).isTrue();
    assertThat(TAKES_AWAY.matcher("ALTER TABLE A RENAME TO B;").find()).isTrue();
    assertThat(TAKES_AWAY.matcher("CREATE INDEX DROPPED_AT ON FILES (DROPPED_AT);").find())
        .isFalse();
    assertThat(does("DROP INDEX IF EXISTS a;", DROPS_INDEX)).isTrue();
    assertThat(does("-- replaced by: b\nDROP INDEX a;", DROPS_INDEX)).isTrue();
    assertThat(does("-- DROP INDEX a;", DROPS_INDEX)).isFalse();
    assertThat(says("-- replaced by: b\nDROP INDEX a;", "-- replaced by:")).isTrue();
    assertThat(does("DROP INDEX a;", TAKES_AWAY)).isFalse();
  }

  private static java.util.List<Path> migrations() throws IOException {
    var root = Path.of("src/main/resources/db/migration");
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(path -> path.toString().endsWith(".sql")).sorted().toList();
    }
  }
}
