package dev.fileshare.files;

import dev.fileshare.accounts.AccountService;
import dev.fileshare.shared.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns rows into views, with the owners' usernames looked up once per batch, and the details other
 * modules add ({@link FileDetail}) asked for once per batch too.
 */
@Component
class FileViewFactory {

  private final AccountService accounts;
  private final List<FileDetail> details;

  FileViewFactory(AccountService accounts, List<FileDetail> details) {
    this.accounts = accounts;
    this.details = List.copyOf(details);
  }

  List<FileView> of(List<FileRow> rows) {
    return withDetails(ofWithoutDetails(rows));
  }

  private List<FileView> ofWithoutDetails(List<FileRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    var names = accounts.usernames(rows.stream().map(FileRow::owner).distinct().toList());
    return rows.stream().map(row -> view(row, names)).toList();
  }

  FileView of(FileRow row) {
    return of(List.of(row)).get(0);
  }

  /** The view without details, for the headers of a download. */
  FileView plain(FileRow row) {
    return ofWithoutDetails(List.of(row)).get(0);
  }

  /** The views with the details as they are now. */
  private List<FileView> withDetails(List<FileView> views) {
    if (details.isEmpty() || views.isEmpty()) {
      return views;
    }
    var ids = views.stream().map(FileView::id).toList();
    var values = details.stream().map(detail -> detail.valuesFor(ids)).toList();
    return views.stream()
        .map(
            view -> {
              var members = new LinkedHashMap<String, Object>();
              for (var i = 0; i < details.size(); i++) {
                var value = values.get(i).get(view.id());
                if (value != null) {
                  members.put(details.get(i).name(), value);
                }
              }
              return view.withDetails(members.isEmpty() ? Map.of() : members);
            })
        .toList();
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
        row.version(),
        Map.of());
  }
}
