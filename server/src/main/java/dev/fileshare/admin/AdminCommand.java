package dev.fileshare.admin;

import dev.fileshare.accounts.Account;
import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.accounts.AccountLookup;
import dev.fileshare.audit.AuditAction;
import dev.fileshare.audit.AuditLog;
import dev.fileshare.shared.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar fileshare.jar admin grant|revoke <user>} makes a user (by username or email
 * address) an administrator or no longer one; {@code admin create <username> <email>} creates an
 * administrator's account, its address confirmed, with the password in the environment variable
 * {@value #PASSWORD} (never on the command line, where every user of the machine can read it). The
 * first administrator can only come from here. The process ends with 0 when done, 1 when the
 * account cannot be created (the password is too weak, the name or address is taken), 2 when the
 * command is wrong, the user unknown or the password missing. It runs beside the serving nodes,
 * with their configuration; they see the change at the next request.
 */
@Component
@ConditionalOnNotWebApplication
class AdminCommand implements ApplicationRunner, ExitCodeGenerator {

  static final String NAME = "admin";
  static final String PASSWORD = "FILESHARE_ADMIN_PASSWORD";
  static final String USAGE =
      "admin grant <user>, admin revoke <user> (a user by username or email address), or admin"
          + " create <username> <email> with the password in "
          + PASSWORD;

  private static final Logger log = LoggerFactory.getLogger(AdminCommand.class);

  private final AccountAdministration administration;
  private final AccountLookup accounts;
  private final Environment environment;
  private int exitCode;

  private final AuditLog audit;

  AdminCommand(
      AccountAdministration administration,
      AccountLookup accounts,
      Environment environment,
      AuditLog audit) {
    this.audit = audit;
    this.administration = administration;
    this.accounts = accounts;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    var words = args.getSourceArgs();
    if (words.length == 0 || !NAME.equals(words[0])) {
      return;
    }
    var positional = Arrays.stream(words).skip(1).filter(word -> !word.startsWith("--")).toList();
    var verb = positional.isEmpty() ? "" : positional.get(0);
    if ((verb.equals("grant") || verb.equals("revoke")) && positional.size() == 2) {
      exitCode = grant(positional.get(1), verb.equals("grant"));
    } else if (verb.equals("create") && positional.size() == 3) {
      exitCode = create(words, positional.get(1), positional.get(2));
    } else {
      log.error("Usage: java -jar fileshare.jar {}", USAGE);
      exitCode = 2;
    }
  }

  private int grant(String user, boolean admin) {
    var found = find(user);
    if (found.isEmpty()) {
      log.error("There is no user with the username or email address {}", user);
      return 2;
    }
    var account = found.get();
    var changed = administration.setAdmin(account.id(), admin);
    if (changed) {
      audit.record(
          admin ? AuditAction.ADMIN_GRANTED : AuditAction.ADMIN_REVOKED,
          Optional.empty(),
          Optional.of(account.id()),
          Map.of("by", "command line"));
    }
    var now = admin ? "an administrator" : "not an administrator";
    log.info(
        "{} ({}) {} {}",
        account.username(),
        account.email(),
        changed ? "is now" : "was already",
        now);
    return 0;
  }

  private int create(String[] words, String username, String email) {
    var onCommandLine =
        Arrays.stream(words)
            .anyMatch(word -> word.toUpperCase(Locale.ROOT).startsWith("--" + PASSWORD));
    if (onCommandLine) {
      log.error(
          "Give the password in the environment variable {}, not on the command line", PASSWORD);
      return 2;
    }
    var password = environment.getProperty(PASSWORD);
    if (password == null || password.isEmpty()) {
      log.error("Set the environment variable {} to the new administrator's password", PASSWORD);
      return 2;
    }
    try {
      var account = administration.createAdmin(username, email, password);
      audit.record(
          AuditAction.ADMIN_CREATED,
          Optional.empty(),
          Optional.of(account.id()),
          Map.of("by", "command line"));
      log.info(
          "Created the administrator {} ({}), id {}",
          account.username(),
          account.email(),
          account.id().value());
      return 0;
    } catch (ApiException e) {
      log.error("The administrator was not created: {}", e.getMessage());
      return 1;
    }
  }

  private Optional<Account> find(String user) {
    return accounts.isEmailAddress(user) ? accounts.byEmail(user) : accounts.byUsername(user);
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
