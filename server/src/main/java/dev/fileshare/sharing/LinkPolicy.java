package dev.fileshare.sharing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * What a link may be, by the operator's settings: the expiry within the maximum and in the future,
 * a password when one is required and never an empty one, a download limit of at least one. Turns a
 * request into the values to store, hashing a new password.
 */
@Component
class LinkPolicy {

  /** The latest expiry: later ones do not fit in the epoch milliseconds a row keeps. */
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  static final int LABEL_MAX = 200;
  static final int PASSWORD_MAX = 1024;
  static final long DOWNLOADS_MAX = 1_000_000_000L;

  private final SharingSettings settings;
  private final PasswordEncoder passwords;
  private final Clock clock;

  LinkPolicy(SharingSettings settings, PasswordEncoder passwords, Clock clock) {
    this.settings = settings;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** The values of a new link: what was left out gets its default. */
  LinkRows.Values create(LinkChanges changes) {
    var now = clock.instant();
    var expires =
        changes.expires().given() ? expiry(changes.expires().value(), now) : defaultExpiry(now);
    return new LinkRows.Values(
        label(changes.label().present()),
        expires,
        password(changes.password().value()),
        maxDownloads(changes.maxDownloads().value()),
        changes.notifyFirstDownload().present().orElse(false),
        recipients(changes).lines(),
        changes.mode().given() ? mode(changes.mode().value()) : LinkMode.DOWNLOAD,
        changes.watermark().present().orElse(false));
  }

  /** The values of a changed link: what was left out stays as it is. */
  LinkRows.Values change(LinkRow link, LinkChanges changes) {
    var now = clock.instant();
    return new LinkRows.Values(
        changes.label().given() ? label(changes.label().present()) : link.label(),
        changes.expires().given() ? expiry(changes.expires().value(), now) : link.expiresAt(),
        changes.password().given() ? password(changes.password().value()) : link.passwordHash(),
        changes.maxDownloads().given()
            ? maxDownloads(changes.maxDownloads().value())
            : link.maxDownloads(),
        changes.notifyFirstDownload().present().orElse(link.notifyFirstDownload()),
        changes.recipients().given() ? recipients(changes).lines() : link.recipientLines(),
        changes.mode().given() ? mode(changes.mode().value()) : link.mode(),
        changes.watermark().present().orElse(link.watermark()));
  }

  /** The recipients asked for: a list of addresses and domains; null or empty: anyone. */
  static Recipients recipients(LinkChanges changes) {
    return changes
        .recipients()
        .present()
        .map(list -> Recipients.parse("recipients", list))
        .orElse(Recipients.anyone());
  }

  private static LinkMode mode(@Nullable String wire) {
    return LinkMode.of(wire)
        .orElseThrow(
            () ->
                LinkProblems.invalid(
                    "mode",
                    "The mode must be \"download\" (the file itself) or \"view\" (pages to read"
                        + " in the browser, never the file)."));
  }

  boolean matches(LinkRow link, String password) {
    return link.passwordHash() != null && passwords.matches(password, link.passwordHash());
  }

  private static String label(Optional<String> label) {
    var text = label.map(l -> l.replaceAll("\\p{Cntrl}", " ").strip()).orElse("");
    if (text.codePointCount(0, text.length()) > LABEL_MAX) {
      throw LinkProblems.invalid(
          "label", "The label may have at most " + LABEL_MAX + " characters.");
    }
    return text;
  }

  private @Nullable Long defaultExpiry(Instant now) {
    var max = settings.maxExpiryValue();
    var duration = settings.defaultExpiryValue().or(() -> max);
    if (duration.isEmpty()) {
      return null;
    }
    var chosen =
        max.isPresent() && max.get().compareTo(duration.get()) < 0 ? max.get() : duration.get();
    return now.plus(chosen).toEpochMilli();
  }

  private @Nullable Long expiry(@Nullable Instant expires, Instant now) {
    var max = settings.maxExpiryValue();
    if (expires == null) {
      if (max.isPresent()) {
        throw LinkProblems.invalid(
            "expires",
            "Links on this server must expire within " + words(max.get()) + ": give an expiry.");
      }
      return null;
    }
    if (!expires.isAfter(now)) {
      throw LinkProblems.invalid("expires", "The expiry must be in the future.");
    }
    if (expires.isAfter(LATEST)) {
      throw LinkProblems.invalid("expires", "The expiry must be before the year 10000.");
    }
    if (max.isPresent() && expires.isAfter(now.plus(max.get()))) {
      throw LinkProblems.invalid(
          "expires",
          "The expiry may be at most "
              + words(max.get())
              + " from now, until "
              + now.plus(max.get())
              + ".");
    }
    return expires.toEpochMilli();
  }

  private @Nullable String password(@Nullable String password) {
    if (password == null) {
      if (settings.requirePassword()) {
        throw LinkProblems.invalid("password", "Links on this server must have a password.");
      }
      return null;
    }
    var length = password.codePointCount(0, password.length());
    if (password.isBlank()) {
      throw LinkProblems.invalid("password", "The password may not be empty.");
    }
    if (length < settings.passwordMinLength()) {
      throw LinkProblems.invalid(
          "password",
          "The password must have at least " + settings.passwordMinLength() + " characters.");
    }
    if (length > PASSWORD_MAX) {
      throw LinkProblems.invalid(
          "password", "The password may have at most " + PASSWORD_MAX + " characters.");
    }
    return passwords.encode(password);
  }

  private static @Nullable Long maxDownloads(@Nullable Long max) {
    if (max == null) {
      return null;
    }
    if (max < 1) {
      throw LinkProblems.invalid(
          "max_downloads", "The download limit must be at least 1, or null for no limit.");
    }
    if (max > DOWNLOADS_MAX) {
      throw LinkProblems.invalid(
          "max_downloads", "The download limit may be at most " + DOWNLOADS_MAX + ".");
    }
    return max;
  }

  /** 30 days, 12 hours, 45 minutes. */
  static String words(Duration duration) {
    if (duration.toDays() >= 1 && duration.toHours() % 24 == 0) {
      return plural(duration.toDays(), "day");
    }
    if (duration.toHours() >= 1 && duration.toMinutes() % 60 == 0) {
      return plural(duration.toHours(), "hour");
    }
    return plural(Math.max(1, duration.toMinutes()), "minute");
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
