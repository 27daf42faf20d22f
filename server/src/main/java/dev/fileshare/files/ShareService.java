package dev.fileshare.files;

import dev.fileshare.auth.RateLimiter;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sharing a file with named people: by username, or by address, which makes an invitation when the
 * address has no confirmed account yet. Only the owner shares, changes and revokes; a recipient may
 * remove a file from their own list. The first share with someone mails them, through the outbox,
 * in the same transaction. A share made or removed is told as a {@link FileEvent} (the detail is
 * the recipient's username, or the invited address).
 */
@Service
public class ShareService {

  private final FileAccess access;
  private final ShareRows shares;
  private final ShareViewFactory views;
  private final RecipientResolver recipients;
  private final RateLimiter limits;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ShareService(
      FileAccess access,
      ShareRows shares,
      ShareViewFactory views,
      RecipientResolver recipients,
      RateLimiter limits,
      ApplicationEventPublisher events,
      TransactionTemplate transaction,
      Clock clock) {
    this.access = access;
    this.shares = shares;
    this.views = views;
    this.recipients = recipients;
    this.limits = limits;
    this.events = events;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** A share as it is now, and whether this request made it (rather than changed it). */
  public record Shared(FileShare share, boolean created) {}

  /**
   * Shares the file with the person {@code user} names, or changes the permission of the share they
   * already have (which mails nobody).
   */
  public Shared share(
      AuthenticatedUser caller, long fileId, @Nullable String user, @Nullable String permission) {
    var file = access.owned(caller, fileId);
    var wanted = permission(permission, SharePermission.READ);
    var recipient = recipients.resolve(caller, user);
    var existing =
        recipient
            .account()
            .map(account -> shares.withRecipient(fileId, account.id()))
            .orElseGet(() -> shares.invitation(fileId, recipient.email()));
    if (existing.isPresent()) {
      return new Shared(change(existing.get(), wanted), false);
    }
    limits.take("shares@" + caller.userId().value(), limits.settings().sharesPerUser());
    try {
      var id =
          transaction.execute(
              status -> {
                var now = clock.millis();
                var account = recipient.account();
                var made =
                    account.isPresent()
                        ? shares.insertShare(
                            fileId, account.get().id(), wanted, caller.userId(), now)
                        : shares.insertInvitation(
                            fileId, recipient.email(), wanted, caller.userId(), now);
                events.publishEvent(
                    views.created(file.name(), caller, wanted, account, recipient.email()));
                return made;
              });
      var made = views.of(shares.byId(fileId, id).orElseThrow());
      publish(file, caller, FileEvent.Action.SHARED, made);
      return new Shared(made, true);
    } catch (DataIntegrityViolationException raced) {
      // The same person was given the same file a moment ago: that share is changed instead.
      var made =
          recipient
              .account()
              .map(account -> shares.withRecipient(fileId, account.id()))
              .orElseGet(() -> shares.invitation(fileId, recipient.email()))
              .orElseThrow(() -> raced);
      return new Shared(change(made, wanted), false);
    }
  }

  /** The file's shares, for its owner. */
  public List<FileShare> list(AuthenticatedUser caller, long fileId) {
    access.owned(caller, fileId);
    return views.of(shares.ofFile(fileId));
  }

  /** Changes what the recipient may do; only the owner may. */
  public FileShare change(
      AuthenticatedUser caller, long fileId, long shareId, @Nullable String permission) {
    access.owned(caller, fileId);
    var share = shares.byId(fileId, shareId).orElseThrow(ApiException::notFound);
    if (permission == null) {
      throw field("permission", "This field is required.");
    }
    return change(share, permission(permission, SharePermission.READ));
  }

  /**
   * The owner revokes a share, or the recipient removes the file from their own list. The shares of
   * a file in the trash are as gone as the file (404) until it is restored.
   */
  public void remove(AuthenticatedUser caller, long fileId, long shareId) {
    var file = access.live(fileId).orElseThrow(ApiException::notFound);
    var share = shares.byId(fileId, shareId);
    var mine = share.flatMap(ShareRow::recipient).filter(caller.userId()::equals).isPresent();
    if (!mine) {
      access.owned(caller, fileId);
    }
    if (share.isEmpty() || !shares.delete(fileId, shareId)) {
      throw ApiException.notFound();
    }
    publish(file, caller, FileEvent.Action.UNSHARED, views.of(share.get()));
  }

  /** The recipient removes a file shared with them from their own list. */
  public void leave(AuthenticatedUser caller, long fileId) {
    var file = access.live(fileId).orElseThrow(ApiException::notFound);
    var share = shares.withRecipient(fileId, caller.userId()).orElseThrow(ApiException::notFound);
    if (!shares.delete(fileId, share.id())) {
      throw ApiException.notFound();
    }
    publish(file, caller, FileEvent.Action.UNSHARED, views.of(share));
  }

  /** Tells of a share made or removed; the detail is the recipient's username or address. */
  private void publish(
      FileRow file, AuthenticatedUser caller, FileEvent.Action action, FileShare share) {
    var who = share.user() != null ? share.user() : Objects.requireNonNullElse(share.email(), "");
    events.publishEvent(
        new FileEvent(
            file.owner(), Optional.of(caller.userId()), file.id(), file.name(), action, who));
  }

  private FileShare change(ShareRow share, SharePermission permission) {
    if (share.permissionValue() != permission) {
      shares.setPermission(share.fileId(), share.id(), permission, clock.millis());
    }
    return views.of(shares.byId(share.fileId(), share.id()).orElseThrow(ApiException::notFound));
  }

  private static SharePermission permission(@Nullable String text, SharePermission absent) {
    if (text == null) {
      return absent;
    }
    return SharePermission.parse(text)
        .orElseThrow(
            () -> field("permission", "\"" + text + "\" is not a valid choice: read or edit."));
  }

  static ApiException field(String name, String message) {
    return new ApiException(
        HttpStatus.BAD_REQUEST, message, Map.of(name, List.of(message)), Map.of());
  }
}
