package dev.fileshare.sharing;

import dev.fileshare.accounts.AccountService;
import dev.fileshare.auth.RateLimiter;
import dev.fileshare.files.FileLookup;
import dev.fileshare.files.FileView;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.Secrets;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's side of links: make them, list them, change and revoke them, read their access log
 * and mail them. Only the file's owner does any of it; someone else's file answers as the files
 * endpoints do (404 when they cannot see it, 403 when they can), someone else's link is 404. A link
 * made or revoked is told to the owner's activity feed ({@link LinkActivity}).
 */
@Service
public class LinkService {

  /** Token bytes: 160 random bits. */
  static final int TOKEN_BYTES = 20;

  private final LinkRows rows;
  private final UnlockRows unlocks;
  private final LinkPolicy rules;
  private final AccessLog log;
  private final FileLookup files;
  private final AccountService accounts;
  private final RateLimiter limits;
  private final SharingSettings settings;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LinkService(
      LinkRows rows,
      UnlockRows unlocks,
      LinkPolicy rules,
      AccessLog log,
      FileLookup files,
      AccountService accounts,
      RateLimiter limits,
      SharingSettings settings,
      ApplicationEventPublisher events,
      Clock clock) {
    this.rows = rows;
    this.unlocks = unlocks;
    this.rules = rules;
    this.log = log;
    this.files = files;
    this.accounts = accounts;
    this.limits = limits;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  public ShareLink create(AuthenticatedUser caller, long fileId, LinkChanges changes) {
    var file = files.owned(caller, fileId);
    enabled();
    var values = rules.create(changes);
    var token = Secrets.generate(TOKEN_BYTES);
    var id = rows.insert(fileId, caller.userId().value(), token, values, clock.millis());
    var link = rows.byId(id).orElseThrow(ApiException::notFound);
    events.publishEvent(LinkActivity.created(link, file.name()));
    return ShareLink.of(link);
  }

  /** A file's links, newest first, with ids below {@code before}. */
  public List<ShareLink> ofFile(AuthenticatedUser caller, long fileId, long before, int limit) {
    files.owned(caller, fileId);
    return rows.ofFile(fileId, before, limit).stream().map(ShareLink::of).toList();
  }

  /** The caller's links across their files, newest first, with ids below {@code before}. */
  public List<ShareLink> mine(AuthenticatedUser caller, long before, int limit) {
    return rows.ofOwner(caller.userId().value(), before, limit).stream()
        .map(ShareLink::of)
        .toList();
  }

  public ShareLink get(AuthenticatedUser caller, long id) {
    return ShareLink.of(owned(caller, id));
  }

  @Transactional
  public ShareLink update(AuthenticatedUser caller, long id, LinkChanges changes) {
    var link = owned(caller, id);
    enabled();
    var values = rules.change(link, changes);
    if (!rows.update(id, caller.userId().value(), values, clock.millis())) {
      throw ApiException.notFound();
    }
    if (changes.password().given()) {
      unlocks.revokeAll(id, UnlockRows.Kind.PASSWORD);
    }
    if (changes.recipients().given()) {
      var allowed = LinkPolicy.recipients(changes);
      unlocks.recipients(id).stream()
          .filter(grant -> allowed.restricts() && !allowed.allows(grant.address()))
          .forEach(grant -> unlocks.revoke(grant.grantHash()));
    }
    return get(caller, id);
  }

  /** Revokes the link: from now on its token answers as one that never existed. */
  public void revoke(AuthenticatedUser caller, long id) {
    var link = owned(caller, id);
    if (!rows.delete(id, caller.userId().value())) {
      throw ApiException.notFound();
    }
    var name = files.byId(link.fileId()).map(FileView::name).orElse("");
    events.publishEvent(LinkActivity.revoked(link, name));
  }

  public List<LinkEvent> log(AuthenticatedUser caller, long id, long before, int limit) {
    return log.ofLink(owned(caller, id).id(), before, limit);
  }

  /** The access log of every link of a file, revoked ones included. */
  public List<LinkEvent> fileLog(AuthenticatedUser caller, long fileId, long before, int limit) {
    files.owned(caller, fileId);
    return log.ofFile(fileId, before, limit);
  }

  /** Mails the link to the addresses with the owner's message, through the outbox. */
  public void mail(AuthenticatedUser caller, long id, List<String> recipients, String message) {
    var link = owned(caller, id);
    enabled();
    if (!accounts.isVerified(caller.userId())) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, "Confirm your email address before mailing links.");
    }
    var file = files.byId(link.fileId()).orElseThrow(ApiException::notFound);
    var sender = accounts.find(caller.userId()).orElseThrow(ApiException::notFound);
    for (var ignored : recipients) {
      limits.take("link-mail:" + caller.userId().value(), settings.mailPerUser());
    }
    var shared = ShareLink.of(link);
    events.publishEvent(
        new ShareLink.Mailed(
            List.copyOf(recipients),
            sender.username(),
            file.name(),
            file.size(),
            shared.token(),
            shared.expires(),
            shared.hasPassword(),
            message));
  }

  /** The caller's link on the caller's own file, or 404. */
  private LinkRow owned(AuthenticatedUser caller, long id) {
    var link = rows.byId(id).orElseThrow(ApiException::notFound);
    if (!link.owner().equals(caller.userId()) || !files.owns(caller.userId(), link.fileId())) {
      throw ApiException.notFound();
    }
    return link;
  }

  private void enabled() {
    if (!settings.linksEnabled()) {
      throw LinkProblems.switchedOff();
    }
  }

  /**
   * When an administrator gives a deleted account's files to another user: its links go with them,
   * in the caller's transaction, and keep working (the heir sees and may revoke them).
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public void handOver(UserId from, UserId heir) {
    rows.handOver(from.value(), heir.value());
  }
}
