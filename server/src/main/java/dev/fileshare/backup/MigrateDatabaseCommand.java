package dev.fileshare.backup;

import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar fileshare.jar migrate-database --to <jdbc url>}: moves the metadata of the
 * stopped installation (its configured database) into an empty database of the other kind, with
 * {@code spring.datasource.username} and {@code password} for the target. Ends with 0 when every
 * table was copied and checked, 1 when the copy failed (the target is left empty: run it again),
 * and 2 when the command is wrong or the target is not one to move into (not empty, the same kind).
 */
@Component
@ConditionalOnNotWebApplication
class MigrateDatabaseCommand implements ApplicationRunner, ExitCodeGenerator {

  static final String NAME = "migrate-database";
  private static final Logger log = LoggerFactory.getLogger(MigrateDatabaseCommand.class);

  private final DatabaseMove move;
  private int exitCode;

  MigrateDatabaseCommand(DatabaseMove move) {
    this.move = move;
  }

  @Override
  public void run(ApplicationArguments args) {
    var words = args.getSourceArgs();
    if (words.length == 0 || !NAME.equals(words[0])) {
      return;
    }
    var url = target(words);
    if (url.isEmpty()) {
      log.error(
          "Usage: java -jar fileshare.jar {} --to jdbc:postgresql://host/database"
              + " (or --to jdbc:sqlite:/path/fileshare.db)",
          NAME);
      exitCode = 2;
      return;
    }
    try {
      var result = move.moveTo(url.get());
      log.info(
          "Moved {} rows of {} tables in {} s; every table checked. Now start the nodes with"
              + " spring.datasource.url={}",
          result.rows(),
          result.tables(),
          result.took().toSeconds(),
          url.get());
    } catch (DatabaseMove.Refused e) {
      log.error("{}", e.getMessage());
      exitCode = 2;
    } catch (SQLException | RuntimeException e) {
      log.error(
          "The metadata could not be moved, and nothing was kept in the target: {}."
              + " Run the command again.",
          e.getMessage(),
          e);
      exitCode = 1;
    }
  }

  /** The value of {@code --to <url>} or {@code --to=<url>}. */
  static Optional<String> target(String[] words) {
    for (var i = 1; i < words.length; i++) {
      if (words[i].equals("--to") && i + 1 < words.length) {
        return Optional.of(words[i + 1]);
      }
      if (words[i].startsWith("--to=")) {
        return Optional.of(words[i].substring("--to=".length()));
      }
    }
    return Optional.empty();
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
