package dev.fileshare.quotas;

import dev.fileshare.quotas.QuotaService.Limit;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import org.springframework.util.unit.DataSize;

/**
 * What the {@code quota} command was told: {@code quota set <user> 10GB|unlimited|default [--files
 * N|unlimited|default]} or {@code quota show <user>}. Other {@code --name=value} words are the
 * server's settings and are left alone.
 *
 * @param user a username or an email address
 * @param bytes the new quota of bytes; empty: as it is (and always for {@code show})
 * @param files the new quota of files; empty: as it is
 */
record QuotaOrder(String user, Optional<Limit> bytes, Optional<Limit> files) {

  static final String USAGE =
      "quota set <user> 10GB|unlimited|default [--files N|unlimited|default], or quota show <user>"
          + " (a user by username or email address)";

  boolean changes() {
    return bytes.isPresent() || files.isPresent();
  }

  /** The order in the command's words (the first is {@code quota}); empty if they make none. */
  static Optional<QuotaOrder> parse(String[] words) {
    var positional = new ArrayList<String>();
    Optional<String> files = Optional.empty();
    for (var i = 1; i < words.length; i++) {
      var word = words[i];
      if (word.equals("--files") && i + 1 < words.length) {
        files = Optional.of(words[++i]);
      } else if (word.startsWith("--files=")) {
        files = Optional.of(word.substring("--files=".length()));
      } else if (!word.startsWith("--")) {
        positional.add(word);
      }
    }
    try {
      if (positional.size() == 2 && positional.get(0).equals("show") && files.isEmpty()) {
        return Optional.of(new QuotaOrder(positional.get(1), Optional.empty(), Optional.empty()));
      }
      if (positional.size() == 3 && positional.get(0).equals("set")) {
        var bytes = limit(positional.get(2), QuotaOrder::bytes);
        var fileLimit = files.map(text -> limit(text, Long::parseLong));
        return Optional.of(new QuotaOrder(positional.get(1), Optional.of(bytes), fileLimit));
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Limit limit(String text, java.util.function.ToLongFunction<String> number) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "unlimited" -> Limit.NONE;
      case "default" -> Limit.DEFAULT;
      default -> Limit.of(number.applyAsLong(text));
    };
  }

  private static long bytes(String text) {
    return DataSize.parse(text.toUpperCase(Locale.ROOT)).toBytes();
  }
}
