package dev.fileshare;

import dev.fileshare.backup.OfflineCommands;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The fileshare server: accounts, tokens, mail, files and their storage in one process. Started
 * with {@code migrate-storage --to local|s3} it is instead a command that moves every file to that
 * store and exits, without a web server or background work; {@code quota set|show <user> ...} is
 * such a command too, for a user's quota, and {@code verify-storage}, which reads every stored blob
 * back and compares it with its SHA-256; {@code backup <dir>} takes a backup of a running
 * single-node installation, and {@code restore <dir>} and {@code verify-backup <dir>} (run by
 * {@link OfflineCommands}, without the server's beans) put it back and check it; {@code reindex}
 * reads every stored document again (facts, text for search, previews); {@code migrate-database
 * --to <jdbc url>} moves the metadata into an empty database of the other kind; {@code admin
 * grant|revoke|create ...} makes administrators.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FileShareApplication {

  private static final Set<String> COMMANDS =
      Set.of(
          "migrate-storage",
          "quota",
          "admin",
          "verify-storage",
          "backup",
          "restore",
          "verify-backup",
          "reindex",
          "migrate-database");

  public static void main(String[] args) {
    if (args.length > 0 && COMMANDS.contains(args[0])) {
      System.exit(runCommand(args));
    }
    SpringApplication.run(FileShareApplication.class, args);
  }

  /** Runs a command (no web server, no scheduled work) and answers its exit code. */
  public static int runCommand(String... args) {
    // The build prepares ahead of time the serving node's beans (web server, background work), not
    // a command's: a command evaluates its conditions at start, whatever the JVM was given
    System.setProperty("spring.aot.enabled", "false");
    var application =
        OfflineCommands.runs(args) ? OfflineCommands.class : FileShareApplication.class;
    var context =
        new SpringApplicationBuilder(application)
            .web(WebApplicationType.NONE)
            // Modulith's moments would switch scheduling on; a command runs no background work
            .properties("spring.modulith.moments.enabled=false")
            .run(args);
    return SpringApplication.exit(context);
  }
}
