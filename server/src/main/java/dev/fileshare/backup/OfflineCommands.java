package dev.fileshare.backup;

import java.nio.file.Path;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The commands that need no server, no database and no store: {@code restore <backup>} (into the
 * configured data directory, which must be empty) and {@code verify-backup <backup>}. Started as an
 * application of its own, with the server's configuration and logging but none of its beans, so
 * that nothing creates a database before the restore puts one there.
 */
public class OfflineCommands {

  /** The commands this class runs. */
  public static final Set<String> NAMES = Set.of("restore", "verify-backup");

  private static final Logger log = LoggerFactory.getLogger(OfflineCommands.class);

  /**
   * Whether these words are a command of this class: {@code restore} or {@code verify-backup} with
   * a backup directory. {@code verify-backup} alone checks the configured installation in place (a
   * PostgreSQL + S3 backup restored), with the server's beans.
   */
  public static boolean runs(String... words) {
    return words.length > 0
        && NAMES.contains(words[0])
        && java.util.Arrays.stream(words).skip(1).anyMatch(word -> !word.startsWith("--"));
  }

  @Bean
  Runner offlineCommandRunner(Environment environment) {
    return new Runner(environment);
  }

  static final class Runner implements ApplicationRunner, ExitCodeGenerator {

    private final Environment environment;
    private int exitCode;

    Runner(Environment environment) {
      this.environment = environment;
    }

    @Override
    public void run(org.springframework.boot.ApplicationArguments args) {
      var words = args.getNonOptionArgs();
      if (words.size() != 2 || !NAMES.contains(words.get(0))) {
        log.error("Usage: java -jar fileshare.jar restore|verify-backup <backup directory>");
        exitCode = 2;
        return;
      }
      var backup = Path.of(words.get(1));
      try {
        var problems = BackupCheck.problems(backup);
        problems.forEach(problem -> log.error("{}", problem));
        if (!problems.isEmpty()) {
          exitCode = 1;
          return;
        }
        if (words.get(0).equals("verify-backup")) {
          log.info("The backup in {} is whole", backup);
          return;
        }
        var dataDir = Path.of(environment.getProperty("fileshare.data-dir", "./data"));
        var root =
            environment.getProperty(
                "fileshare.storage.local.root", Path.class, dataDir.resolve("blobs"));
        var blobs = Restore.into(backup, dataDir, root);
        log.info("Restored the database and {} blobs into {}", blobs, dataDir);
      } catch (Restore.Refused e) {
        log.error("{}", e.getMessage());
        exitCode = 2;
      } catch (Exception e) {
        log.error("Could not read the backup in {}: {}", backup, e.getMessage(), e);
        exitCode = 1;
      }
    }

    @Override
    public int getExitCode() {
      return exitCode;
    }
  }
}
