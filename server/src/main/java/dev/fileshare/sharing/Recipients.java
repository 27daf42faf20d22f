package dev.fileshare.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who may open something restricted to named people: addresses ({@code alice@example.org}) and
 * whole domains ({@code *@partner.example}, that domain only, not its subdomains). Kept in lower
 * case; an empty list restricts nothing.
 *
 * @param patterns the normalised addresses and patterns, in the order given, without repeats
 */
public record Recipients(List<String> patterns) {

  /** The most addresses and patterns one list may hold. */
  public static final int MAX = 50;

  private static final int ADDRESS_MAX = 254;
  private static final Pattern LOCAL = Pattern.compile("[^@\\s\\p{Cntrl},;<>\"()\\[\\]\\\\]{1,64}");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?=.{4,253}$)([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+[\\p{L}\\p{N}-]{2,63}");

  public Recipients {
    patterns = List.copyOf(patterns);
  }

  /** Nobody named: anyone with the link. */
  public static Recipients anyone() {
    return new Recipients(List.of());
  }

  /**
   * Reads a list as an owner gave it; refuses a malformed entry or too many with a 400 that names
   * {@code field}.
   */
  public static Recipients parse(String field, List<String> given) {
    if (given.size() > MAX) {
      throw LinkProblems.invalid(
          field,
          "At most " + MAX + " addresses and domains may be named; " + given.size() + " were.");
    }
    var patterns = new ArrayList<String>();
    for (var entry : given) {
      var pattern =
          pattern(entry)
              .orElseThrow(
                  () ->
                      LinkProblems.invalid(
                          field,
                          "Not an email address or a domain written as *@example.org: "
                              + clip(entry)
                              + "."));
      if (!patterns.contains(pattern)) {
        patterns.add(pattern);
      }
    }
    return new Recipients(patterns);
  }

  /** Stored as one line each; null or blank is anyone. */
  public static Recipients stored(@Nullable String lines) {
    return lines == null || lines.isBlank()
        ? anyone()
        : new Recipients(lines.lines().filter(l -> !l.isBlank()).toList());
  }

  /** What the database keeps: one line each, or null for anyone. */
  public @Nullable String lines() {
    return patterns.isEmpty() ? null : String.join("\n", patterns);
  }

  /** Whether the list names anybody at all. */
  public boolean restricts() {
    return !patterns.isEmpty();
  }

  /** Whether the (normalised) address is named, or its domain is. */
  public boolean allows(String address) {
    var at = address.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    var domain = "*" + address.substring(at);
    return patterns.contains(address) || patterns.contains(domain);
  }

  /**
   * An address as a visitor typed it, normalised (trimmed, lower case); empty when it is not an
   * email address.
   */
  public static Optional<String> address(String typed) {
    var text = typed.strip().toLowerCase(Locale.ROOT);
    var at = text.lastIndexOf('@');
    if (text.length() > ADDRESS_MAX
        || at <= 0
        || !LOCAL.matcher(text.substring(0, at)).matches()
        || !DOMAIN.matcher(text.substring(at + 1)).matches()) {
      return Optional.empty();
    }
    return Optional.of(text);
  }

  private static Optional<String> pattern(String entry) {
    var text = entry.strip().toLowerCase(Locale.ROOT);
    if (text.startsWith("*@")) {
      var domain = text.substring(2);
      return DOMAIN.matcher(domain).matches() ? Optional.of(text) : Optional.empty();
    }
    return address(text);
  }

  private static String clip(String text) {
    var clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
  }
}
