package dev.fileshare.backup;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar fileshare.jar backup <dir>}: a consistent backup of the running installation
 * into a new directory, beside the server and with its configuration. Ends with 0 when the backup
 * is whole, 1 when it could not be taken (the log says why), 2 when the command is wrong or the
 * installation is not one this command backs up (PostgreSQL or S3).
 */
@Component
@ConditionalOnNotWebApplication
class BackupCommand implements ApplicationRunner, ExitCodeGenerator {

  static final String NAME = "backup";
  private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);

  private final BackupWriter writer;
  private int exitCode;

  BackupCommand(BackupWriter backups) {
    this.writer = backups;
  }

  @Override
  public void run(ApplicationArguments args) {
    var words = args.getNonOptionArgs();
    if (words.isEmpty() || !NAME.equals(words.get(0))) {
      return;
    }
    if (words.size() != 2) {
      log.error("Usage: java -jar fileshare.jar {} <new directory>", NAME);
      exitCode = 2;
      return;
    }
    try {
      writer.create(Path.of(words.get(1)));
    } catch (BackupWriter.Refused e) {
      log.error("{}", e.getMessage());
      exitCode = 2;
    } catch (Exception e) {
      log.error("The backup could not be taken: {}", e.getMessage(), e);
      exitCode = 1;
    }
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
