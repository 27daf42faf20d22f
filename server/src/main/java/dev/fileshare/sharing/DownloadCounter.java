package dev.fileshare.sharing;

import dev.fileshare.accounts.AccountService;
import dev.fileshare.files.FileLookup;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts downloads through links, exactly: one conditional update decides (see {@link
 * LinkRows#countDownload}). A counted download gives its visitor the right to resume it with ranges
 * that are not counted again; the first download of a link may mail its owner.
 */
@Component
class DownloadCounter {

  private final LinkRows rows;
  private final UnlockRows unlocks;
  private final FileLookup files;
  private final AccountService accounts;
  private final SharingSettings settings;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DownloadCounter(
      LinkRows rows,
      UnlockRows unlocks,
      FileLookup files,
      AccountService accounts,
      SharingSettings settings,
      ApplicationEventPublisher events,
      Clock clock) {
    this.rows = rows;
    this.unlocks = unlocks;
    this.files = files;
    this.accounts = accounts;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  /** Whether the visitor may go on with a download of the link that was already counted. */
  boolean resumes(LinkRow link, Visitor visitor) {
    return unlocks.holds(resumeKey(link, visitor), link.id(), UnlockRows.Kind.RESUME, now());
  }

  /**
   * Counts one download of the file {@code fileName} by a visitor who proved {@code recipient} (if
   * anyone), or refuses with the reason: the link expired or has no downloads left. The owner's
   * mail about the first download is in the outbox, and the download is told to their activity
   * feed, if and only if the count is stored.
   */
  @Transactional
  void count(LinkRow link, Visitor visitor, String fileName, Optional<String> recipient) {
    var now = now();
    var count = rows.countDownload(link.id(), now);
    if (count.isEmpty()) {
      var current = rows.byId(link.id()).orElseThrow(LinkProblems::notWorking);
      if (current.expired(now)) {
        throw LinkProblems.expired(
            Instant.ofEpochMilli(Objects.requireNonNull(current.expiresAt())));
      }
      throw LinkProblems.usedUp(current.downloads());
    }
    unlocks.grant(
        resumeKey(link, visitor),
        link.id(),
        UnlockRows.Kind.RESUME,
        now + settings.unlockTtl().toMillis());
    if (count.get() == 1 && link.notifyFirstDownload()) {
      notifyOwner(link, now);
    }
    events.publishEvent(LinkActivity.downloaded(link, fileName, recipient));
  }

  private void notifyOwner(LinkRow link, long now) {
    var owner = accounts.find(link.owner()).orElseThrow(ApiException::notFound);
    var file = files.byId(link.fileId()).orElseThrow(ApiException::notFound);
    events.publishEvent(
        new ShareLink.FirstDownload(
            owner.email(),
            owner.username(),
            file.name(),
            link.label(),
            file.id(),
            Instant.ofEpochMilli(now)));
  }

  /** Who a visitor is, for resuming: the grant they show, their address and their browser. */
  private static String resumeKey(LinkRow link, Visitor visitor) {
    return Secrets.hash(
        "resume\n"
            + link.id()
            + "\n"
            + (visitor.access() == null ? "" : visitor.access())
            + "\n"
            + visitor.address()
            + "\n"
            + (visitor.userAgent() == null ? "" : visitor.userAgent()));
  }

  private long now() {
    return clock.millis();
  }
}
