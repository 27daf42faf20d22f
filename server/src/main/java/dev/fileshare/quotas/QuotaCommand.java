package dev.fileshare.quotas;

import dev.fileshare.accounts.Account;
import dev.fileshare.accounts.AccountLookup;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar fileshare.jar quota set <user> 10GB|unlimited|default [--files
 * N|unlimited|default]} sets a user's quota ({@code default}: the server's, {@code
 * fileshare.quotas.default-*}); {@code quota show <user>} shows it with what they use. The user is
 * named by username or email address. The process ends with 0 when done, 1 when there is no such
 * user, 2 when the command is wrong. It runs beside the serving nodes, with their configuration;
 * they apply a new quota to the next upload.
 */
@Component
@ConditionalOnNotWebApplication
class QuotaCommand implements ApplicationRunner, ExitCodeGenerator {

  static final String NAME = "quota";
  private static final Logger log = LoggerFactory.getLogger(QuotaCommand.class);

  private final QuotaService quotas;
  private final UsageRows rows;
  private final AccountLookup accounts;
  private int exitCode;

  QuotaCommand(QuotaService quotas, UsageRows rows, AccountLookup accounts) {
    this.quotas = quotas;
    this.rows = rows;
    this.accounts = accounts;
  }

  @Override
  public void run(ApplicationArguments args) {
    var words = args.getSourceArgs();
    if (words.length == 0 || !NAME.equals(words[0])) {
      return;
    }
    var parsed = QuotaOrder.parse(words);
    if (parsed.isEmpty()) {
      log.error("Usage: java -jar fileshare.jar {}", QuotaOrder.USAGE);
      exitCode = 2;
      return;
    }
    var order = parsed.get();
    var found = find(order.user());
    if (found.isEmpty()) {
      log.error("There is no user with the username or email address {}", order.user());
      exitCode = 1;
      return;
    }
    var account = found.get();
    if (order.changes()) {
      quotas.setQuota(account.id(), order.bytes(), order.files());
    }
    show(account);
  }

  private Optional<Account> find(String user) {
    return accounts.isEmailAddress(user) ? accounts.byEmail(user) : accounts.byUsername(user);
  }

  private void show(Account account) {
    var usage = quotas.usage(account.id());
    var row = rows.byUser(account.id());
    log.info(
        "{} ({}) stores {} in {} files, and {} are reserved for unfinished uploads. Quota: {} ({});"
            + " files: {} ({})",
        account.username(),
        account.email(),
        size(usage.bytes()),
        usage.files(),
        size(usage.reserved()),
        usage.quotaBytes().map(QuotaCommand::size).orElse("no limit"),
        source(row.map(UsageRows.Row::quotaBytes).orElse(null)),
        usage.quotaFiles().map(String::valueOf).orElse("no limit"),
        source(row.map(UsageRows.Row::quotaFiles).orElse(null)));
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }

  private static String source(@Nullable Long stored) {
    return stored == null ? "the server's default" : "set for this user";
  }

  /** Bytes as a person reads them: {@code 10 GiB (10737418240 bytes)}. */
  static String size(long bytes) {
    var units = new String[] {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
    var value = (double) bytes;
    var unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    if (unit == 0) {
      return bytes + " bytes";
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s (%d bytes)", value, units[unit], bytes);
  }
}
