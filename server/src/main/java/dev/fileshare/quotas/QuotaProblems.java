package dev.fileshare.quotas;

import dev.fileshare.shared.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Refusals of what would take a user over a quota: 507 Insufficient Storage, with the quota ({@code
 * "quota": {"bytes": n|null, "files": n|null}}) and the usage ({@code "usage": {"bytes": stored,
 * "reserved": n, "files": n}}) as members, so a client can tell how much room is left.
 */
final class QuotaProblems {

  private QuotaProblems() {}

  /** {@code bytes} more bytes (and {@code files} more files) do not fit. */
  static ApiException exceeded(Usage usage, long bytes, long files) {
    if (overFiles(usage, files)) {
      var detail =
          "This would go over the quota of "
              + usage.quotaFiles().orElseThrow()
              + " files: "
              + usage.files()
              + " are stored.";
      return problem(usage, detail);
    }
    return problem(
        usage, "This would go over the storage quota: " + used(usage) + bytes + " more.");
  }

  /** A body that turned out longer than the {@code room} bytes left, while it was being stored. */
  static ApiException longerThan(Usage usage, long room) {
    var detail =
        "The file does not fit in the storage quota: "
            + used(usage)
            + "more than the "
            + room
            + " bytes left.";
    return problem(usage, detail);
  }

  /** Whether {@code files} more files go over the quota of files. */
  static boolean overFiles(Usage usage, long files) {
    return files > 0
        && usage.quotaFiles().map(quota -> usage.files() + files > quota).orElse(false);
  }

  private static String used(Usage usage) {
    return usage.used()
        + " of "
        + usage.quotaBytes().map(String::valueOf).orElse("unlimited")
        + " bytes are in use, and this needs ";
  }

  private static ApiException problem(Usage usage, String detail) {
    var quota = new LinkedHashMap<String, Object>();
    quota.put("bytes", usage.quotaBytes().orElse(null));
    quota.put("files", usage.quotaFiles().orElse(null));
    var used = new LinkedHashMap<String, Object>();
    used.put("bytes", usage.bytes());
    used.put("reserved", usage.reserved());
    used.put("files", usage.files());
    return new ApiException(
        HttpStatus.INSUFFICIENT_STORAGE, detail, Map.of("quota", quota, "usage", used), Map.of());
  }
}
