package dev.fileshare.requests;

import dev.fileshare.files.UploadService;
import dev.fileshare.shared.Change;
import dev.fileshare.sharing.Recipients;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * What a file request may be: a title, instructions of a bounded length, an expiry in the future, a
 * password of the least length and never an empty one, limits of at least one (the file size within
 * the server's upload limit). Turns a request into the values to store, hashing a new password.
 */
@Component
class RequestPolicy {

  static final int TITLE_MAX = 200;
  static final int INSTRUCTIONS_MAX = 4000;
  static final int PASSWORD_MAX = 1024;
  static final long FILES_MAX = 1_000_000L;
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final RequestsSettings settings;
  private final UploadService uploads;
  private final PasswordEncoder passwords;
  private final Clock clock;

  RequestPolicy(
      RequestsSettings settings, UploadService uploads, PasswordEncoder passwords, Clock clock) {
    this.settings = settings;
    this.uploads = uploads;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** The values of a new request: what was left out gets its default. */
  RequestRows.Values create(RequestChanges changes) {
    if (!changes.title().given()) {
      throw RequestProblems.invalid("title", "Give the request a title.");
    }
    return new RequestRows.Values(
        title(changes.title().value()),
        instructions(changes.instructions().value()),
        expiry(changes.expires().value()),
        password(changes.password().value()),
        maxFiles(changes.maxFiles().value()),
        maxFileSize(changes.maxFileSize().value()),
        flag(changes.requireName(), false),
        flag(changes.requireEmail(), false),
        flag(changes.notifyOwner(), true),
        flag(changes.closed(), false),
        recipients(changes.recipients().value()));
  }

  /** The values of a changed request: what was left out stays as it is. */
  RequestRows.Values change(RequestRow row, RequestChanges changes) {
    return new RequestRows.Values(
        changes.title().given() ? title(changes.title().value()) : row.title(),
        changes.instructions().given()
            ? instructions(changes.instructions().value())
            : row.instructions(),
        changes.expires().given() ? expiry(changes.expires().value()) : row.expiresAt(),
        changes.password().given() ? password(changes.password().value()) : row.passwordHash(),
        changes.maxFiles().given() ? maxFiles(changes.maxFiles().value()) : row.maxFiles(),
        changes.maxFileSize().given()
            ? maxFileSize(changes.maxFileSize().value())
            : row.maxFileSize(),
        flag(changes.requireName(), row.requireName()),
        flag(changes.requireEmail(), row.requireEmail()),
        flag(changes.notifyOwner(), row.notifyOwner()),
        flag(changes.closed(), row.closed()),
        changes.recipients().given() ? recipients(changes.recipients().value()) : row.recipients());
  }

  boolean matches(RequestRow row, String password) {
    return row.passwordHash() != null && passwords.matches(password, row.passwordHash());
  }

  /** The largest file the request takes: its own limit within the server's. */
  long maxFileSize(RequestRow row) {
    var max = row.maxFileSize();
    return max == null ? uploads.maxBytes() : Math.min(max, uploads.maxBytes());
  }

  /** Checked exactly as for links; null or an empty list is anyone with the link. */
  private static Recipients recipients(@Nullable List<String> given) {
    return given == null ? Recipients.anyone() : Recipients.parse("recipients", given);
  }

  private static boolean flag(Change<Boolean> change, boolean otherwise) {
    var value = change.value();
    return value == null ? otherwise : value;
  }

  private static String title(@Nullable String title) {
    var text = oneLine(title);
    if (text.isEmpty()) {
      throw RequestProblems.invalid("title", "Give the request a title.");
    }
    if (text.codePointCount(0, text.length()) > TITLE_MAX) {
      throw RequestProblems.invalid(
          "title", "The title may have at most " + TITLE_MAX + " characters.");
    }
    return text;
  }

  private static String instructions(@Nullable String instructions) {
    var text =
        instructions == null ? "" : instructions.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
    if (text.codePointCount(0, text.length()) > INSTRUCTIONS_MAX) {
      throw RequestProblems.invalid(
          "instructions", "The instructions may have at most " + INSTRUCTIONS_MAX + " characters.");
    }
    return text;
  }

  private @Nullable Long expiry(@Nullable Instant expires) {
    if (expires == null) {
      return null;
    }
    if (!expires.isAfter(clock.instant())) {
      throw RequestProblems.invalid("expires", "The expiry must be in the future.");
    }
    if (expires.isAfter(LATEST)) {
      throw RequestProblems.invalid("expires", "The expiry must be before the year 10000.");
    }
    return expires.toEpochMilli();
  }

  private @Nullable String password(@Nullable String password) {
    if (password == null) {
      return null;
    }
    var length = password.codePointCount(0, password.length());
    if (password.isBlank()) {
      throw RequestProblems.invalid("password", "The password may not be empty.");
    }
    if (length < settings.passwordMinLength()) {
      throw RequestProblems.invalid(
          "password",
          "The password must have at least " + settings.passwordMinLength() + " characters.");
    }
    if (length > PASSWORD_MAX) {
      throw RequestProblems.invalid(
          "password", "The password may have at most " + PASSWORD_MAX + " characters.");
    }
    return passwords.encode(password);
  }

  private static @Nullable Long maxFiles(@Nullable Long max) {
    if (max == null) {
      return null;
    }
    if (max < 1 || max > FILES_MAX) {
      throw RequestProblems.invalid(
          "max_files", "The file limit must be from 1 to " + FILES_MAX + ", or null for no limit.");
    }
    return max;
  }

  private @Nullable Long maxFileSize(@Nullable Long max) {
    if (max == null) {
      return null;
    }
    if (max < 1 || max > uploads.maxBytes()) {
      throw RequestProblems.invalid(
          "max_file_size",
          "The file size limit must be from 1 to "
              + uploads.maxBytes()
              + " bytes (this server's upload limit), or null for the server's limit.");
    }
    return max;
  }

  static String oneLine(@Nullable String text) {
    return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
  }
}
