package dev.fileshare.files.verify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * {@code java -jar fileshare.jar verify-storage [--restart] [--rate=20MB]}: reads every stored file
 * and version back and compares it with its SHA-256, going on where an interrupted run stopped
 * ({@code --restart}: from the beginning). Ends with 0 when nothing is damaged, 1 when something is
 * (the log lists each), 2 when the command is wrong. It runs beside the serving nodes, with their
 * configuration. {@code verify-backup} without a directory is the same check of a restored
 * installation, in place.
 */
@Component
@ConditionalOnNotWebApplication
class VerifyStorageCommand implements ApplicationRunner, ExitCodeGenerator {

  static final String NAME = "verify-storage";

  /**
   * {@code verify-backup} without a backup directory: a backup restored in place (PostgreSQL + S3,
   * restored with pg_restore and the bucket's replica) checked with the configuration pointing at
   * it, from the beginning and at full speed.
   */
  static final String IN_PLACE = "verify-backup";

  private static final java.util.Set<String> NAMES = java.util.Set.of(NAME, IN_PLACE);
  private static final Logger log = LoggerFactory.getLogger(VerifyStorageCommand.class);

  private final StorageVerification verification;
  private final VerifySettings settings;
  private int exitCode;

  VerifyStorageCommand(StorageVerification verification, VerifySettings settings) {
    this.verification = verification;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    var words = args.getSourceArgs();
    if (words.length == 0 || !NAMES.contains(words[0])) {
      return;
    }
    var inPlace = words[0].equals(IN_PLACE);
    var rate = inPlace && !args.containsOption("rate") ? DataSize.ofBytes(0) : rate(args);
    if (args.getNonOptionArgs().size() != 1 || rate.isNegative()) {
      log.error(
          "Usage: java -jar fileshare.jar {} [--restart] [--rate=20MB]"
              + " (or verify-backup [<backup directory>])",
          NAME);
      exitCode = 2;
      return;
    }
    var restart = inPlace || args.containsOption("restart");
    var result = verification.run(rate.toBytes(), restart);
    for (var item : result.damaged()) {
      log.error(
          "Damaged: {} {} (blob {} in the {} store, expected SHA-256 {}, {})",
          item.kind(),
          item.itemId(),
          item.blobKey(),
          item.store(),
          item.expectedSha256(),
          item.foundSha256().map(found -> "found " + found).orElse("missing"));
    }
    log.info(
        inPlace
            ? "Checked the installation: {} files and versions ({} bytes); {} damaged or missing"
            : "Verified {} files and versions ({} bytes); {} damaged",
        result.checked(),
        result.bytes(),
        result.damaged().size());
    exitCode = result.damaged().isEmpty() ? 0 : 1;
  }

  /** The rate asked for, or the configured one; negative when the asked one is not a size. */
  private DataSize rate(ApplicationArguments args) {
    var values = args.getOptionValues("rate");
    if (values == null || values.isEmpty()) {
      return settings.rate();
    }
    try {
      return DataSize.parse(values.get(values.size() - 1));
    } catch (IllegalArgumentException e) {
      return DataSize.ofBytes(-1);
    }
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
