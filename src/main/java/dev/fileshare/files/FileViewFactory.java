package dev.fileshare.files;

import dev.fileshare.accounts.AccountService;
import dev.fileshare.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns rows into views, with the owners' usernames looked up once per batch. */
@Component
class FileViewFactory {

  private final AccountService accounts;

  FileViewFactory(AccountService accounts) {
    this.accounts = accounts;
  }

  List<FileView> of(List<FileRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    var names = accounts.usernames(rows.stream().map(FileRow::owner).distinct().toList());
    return rows.stream().map(row -> view(row, names)).toList();
  }

  FileView of(FileRow row) {
    return of(List.of(row)).get(0);
  }

  private static FileView view(FileRow row, Map<UserId, String> names) {
    return new FileView(
        row.id(),
        row.name(),
        row.size(),
        row.contentType(),
        row.sha256(),
        names.getOrDefault(row.owner(), ""),
        row.visibilityValue(),
        Instant.ofEpochMilli(row.createdAt()),
        Instant.ofEpochMilli(row.updatedAt()),
        null,
        null,
        row.requestId(),
        row.version());
  }
}
