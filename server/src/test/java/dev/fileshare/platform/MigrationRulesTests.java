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
 * why in a line starting with {@code -- stop every node:}.
 */
class MigrationRulesTests {

  private static final int FIRST_UNDER_THE_RULE = 20;
  private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");
  private static final Pattern TAKES_AWAY =
      Pattern.compile("\\b(DROP\\s+(TABLE|COLUMN|INDEX|TRIGGER|FUNCTION|VIEW)|RENAME)\\b");

  @Test
  void migrationsOnlyAddUnlessTheySayWhyNot() throws IOException {
    var broken = new ArrayList<String>();
    for (var file : migrations()) {
      var matcher = VERSION.matcher(file.getFileName().toString());
      if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < FIRST_UNDER_THE_RULE) {
        continue;
      }
      var sql = Files.readString(file);
      var code = sql.lines().filter(line -> !line.strip().startsWith("--")).toList();
      var takesAway =
          code.stream().anyMatch(line -> TAKES_AWAY.matcher(line.toUpperCase(Locale.ROOT)).find());
      if (takesAway && sql.lines().noneMatch(line -> line.startsWith("-- stop every node:"))) {
        broken.add(file.toString());
      }
    }
    assertThat(broken).as("migrations that drop or rename without saying why").isEmpty();
  }

  @Test
  void theRuleSeesADrop() {
    assertThat(TAKES_AWAY.matcher("ALTER TABLE FILES DROP COLUMN NAME;").find()).isTrue();
    assertThat(TAKES_AWAY.matcher("ALTER TABLE A RENAME TO B;").find()).isTrue();
    assertThat(TAKES_AWAY.matcher("CREATE INDEX DROPPED_AT ON FILES (DROPPED_AT);").find())
        .isFalse();
  }

  private static java.util.List<Path> migrations() throws IOException {
    var root = Path.of("src/main/resources/db/migration");
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(path -> path.toString().endsWith(".sql")).sorted().toList();
    }
  }
}
