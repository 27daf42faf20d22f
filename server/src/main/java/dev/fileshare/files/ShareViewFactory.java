package dev.fileshare.files;

import dev.fileshare.accounts.Account;
import dev.fileshare.accounts.AccountService;
import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Turns share rows into shares, with the usernames looked up once per batch, and tells of them. */
@Component
class ShareViewFactory {

  /** Where the web page lists the files shared with the one who opens it. */
  static final String SHARED_WITH_ME_PAGE = "/#/files?shared=with-me";

  /** Where the web page signs a new user up. */
  static final String SIGN_UP_PAGE = "/#/signup";

  private final AccountService accounts;
  private final FileShareSettings settings;

  ShareViewFactory(AccountService accounts, FileShareSettings settings) {
    this.accounts = accounts;
    this.settings = settings;
  }

  List<FileShare> of(List<ShareRow> rows) {
    var ids = new ArrayList<UserId>();
    for (var row : rows) {
      row.recipient().ifPresent(ids::add);
      ids.add(new UserId(row.sharedBy()));
    }
    var names = ids.isEmpty() ? Map.<UserId, String>of() : accounts.usernames(ids);
    return rows.stream().map(row -> view(row, names)).toList();
  }

  FileShare of(ShareRow row) {
    return of(List.of(row)).get(0);
  }

  /** The event that mails the recipient of a new share. */
  FileShare.Created created(
      String fileName,
      AuthenticatedUser owner,
      SharePermission permission,
      Optional<Account> recipient,
      String email) {
    var sharedBy = accounts.usernames(List.of(owner.userId())).getOrDefault(owner.userId(), "");
    return new FileShare.Created(
        email,
        recipient.map(Account::username).orElse(null),
        fileName,
        sharedBy,
        permission,
        settings.link(recipient.isPresent() ? SHARED_WITH_ME_PAGE : SIGN_UP_PAGE));
  }

  private static FileShare view(ShareRow row, Map<UserId, String> names) {
    var user = row.recipient().map(names::get).orElse(null);
    return new FileShare(
        row.id(),
        row.fileId(),
        user,
        row.recipient().isPresent() ? null : row.invitedEmail(),
        row.permissionValue(),
        names.getOrDefault(new UserId(row.sharedBy()), ""),
        Instant.ofEpochMilli(row.createdAt()),
        Instant.ofEpochMilli(row.updatedAt()));
  }
}
