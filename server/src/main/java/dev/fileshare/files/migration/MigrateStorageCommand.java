package dev.fileshare.files.migration;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar fileshare.jar migrate-storage --to s3} (or {@code --to local}): moves every file
 * and every earlier version of one to that store, then the process ends with 0 when they all are
 * there, 1 when some are not (the log says which and why) and 2 when the command is wrong. It runs
 * beside the serving nodes, with their configuration: the same database and the settings of both
 * stores.
 */
@Component
@ConditionalOnNotWebApplication
class MigrateStorageCommand implements ApplicationRunner, ExitCodeGenerator {

  static final String NAME = "migrate-storage";
  private static final Logger log = LoggerFactory.getLogger(MigrateStorageCommand.class);
  private static final List<String> TARGETS = List.of("local", "s3");

  private final StorageMigration migration;
  private int exitCode;

  MigrateStorageCommand(StorageMigration migration) {
    this.migration = migration;
  }

  @Override
  public void run(ApplicationArguments args) {
    var words = args.getSourceArgs();
    if (words.length == 0 || !NAME.equals(words[0])) {
      return;
    }
    var chosen = target(words);
    if (chosen.isEmpty()) {
      log.error("Usage: java -jar fileshare.jar {} --to local|s3", NAME);
      exitCode = 2;
      return;
    }
    var target = chosen.get();
    try {
      var result = migration.migrateTo(target);
      if (result.complete()) {
        log.info(
            "Every file and version is in the {} store ({} moved by this run)",
            target,
            result.moved());
      } else {
        log.error(
            "{} files and versions are not in the {} store ({} moved by this run, {} could not be moved: see"
                + " the errors above). {}Then run the command again.",
            result.remaining(),
            target,
            result.moved(),
            result.failed(),
            result.remaining() > result.failed()
                ? "Files are still being uploaded to another store: set"
                    + " fileshare.storage.type="
                    + target
                    + " on every node. "
                : "");
        exitCode = 1;
      }
    } catch (IllegalStateException e) {
      log.error("{}", e.getMessage());
      exitCode = 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.error(
          "Interrupted: the files moved so far stay moved; the sweeper removes the old copies not"
              + " yet deleted. Run the command again to move the rest.");
      exitCode = 1;
    }
  }

  /** The value of {@code --to s3} or {@code --to=s3}, if it names a store. */
  static Optional<String> target(String[] words) {
    for (var i = 1; i < words.length; i++) {
      String value = null;
      if (words[i].equals("--to") && i + 1 < words.length) {
        value = words[i + 1];
      } else if (words[i].startsWith("--to=")) {
        value = words[i].substring("--to=".length());
      }
      if (value != null) {
        return Optional.of(value).filter(TARGETS::contains);
      }
    }
    return Optional.empty();
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
