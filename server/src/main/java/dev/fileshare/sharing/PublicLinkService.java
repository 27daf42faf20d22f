package dev.fileshare.sharing;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.auth.RateLimiter;
import dev.fileshare.files.FileLookup;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.Secrets;
import dev.fileshare.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The visitor's side of links: open one, give its password, download through it. A revoked link, a
 * link to a file in the trash, a link of a disabled account and an unknown token answer alike
 * (404); an expired or used-up link says so (410). Opening a link and giving its password never
 * count as a download.
 */
@Service
public class PublicLinkService {

  private final LinkRows rows;
  private final LinkAccess access;
  private final LinkPolicy rules;
  private final DownloadCounter counter;
  private final AccessLog log;
  private final FileLookup files;
  private final RateLimiter limits;
  private final SharingSettings settings;
  private final AccountAdministration accounts;
  private final Clock clock;

  PublicLinkService(
      LinkRows rows,
      LinkAccess access,
      LinkPolicy rules,
      DownloadCounter counter,
      AccessLog log,
      FileLookup files,
      RateLimiter limits,
      SharingSettings settings,
      AccountAdministration accounts,
      Clock clock) {
    this.rows = rows;
    this.access = access;
    this.rules = rules;
    this.counter = counter;
    this.log = log;
    this.files = files;
    this.limits = limits;
    this.settings = settings;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** A visit of the link's page (or its JSON twin): logged, and answered with what it shows. */
  public PublicLink visit(String token, Visitor visitor) {
    var link = find(token);
    log.record(link, LinkEvent.Kind.VISIT, visitor, null);
    working(link, visitor, false);
    var recipient = access.recipient(link, visitor);
    var restricted = link.recipients().restricts();
    var unlocked = (!restricted || recipient.isPresent()) && access.passwordGiven(link, visitor);
    var file =
        unlocked
            ? files
                .byId(link.fileId())
                .map(f -> new PublicLink.SharedFile(f.name(), f.size(), f.contentType(), f.owner()))
                .orElseThrow(LinkProblems::notWorking)
            : null;
    var left = link.maxDownloads() == null ? null : link.maxDownloads() - link.downloads();
    return new PublicLink(
        link.token(),
        link.hasPassword(),
        restricted,
        recipient.orElse(null),
        unlocked,
        ShareLink.of(link).expires(),
        left,
        file,
        link.mode(),
        link.watermark());
  }

  /**
   * Checks the password. Wrong ones are limited per link and per address (429 with Retry-After once
   * either is used up), and logged.
   */
  public PublicLink.Unlock unlock(String token, String password, Visitor visitor) {
    var link = find(token);
    working(link, visitor, false);
    if (!link.hasPassword()) {
      throw LinkProblems.invalid("password", "This link has no password.");
    }
    var perLink = "link-password:" + link.id();
    var perAddress = "link-password-ip:" + visitor.address();
    limits.check(perLink, settings.passwordFailuresPerLink());
    limits.check(perAddress, settings.passwordFailuresPerAddress());
    if (!rules.matches(link, password)) {
      log.record(link, LinkEvent.Kind.PASSWORD_FAILED, visitor, null);
      limits.take(perLink, settings.passwordFailuresPerLink());
      limits.take(perAddress, settings.passwordFailuresPerAddress());
      throw LinkProblems.wrongPassword();
    }
    return access.grantPassword(link, visitor);
  }

  /** A download, once the link is known to work for this visitor; counted when bytes go out. */
  public LinkDownload download(String token, Visitor visitor) {
    var link = find(token);
    working(link, visitor, true);
    if (link.mode() == LinkMode.VIEW) {
      throw LinkProblems.viewOnly();
    }
    var recipient = admitted(link, visitor).orElse(null);
    var content = files.content(link.fileId()).orElseThrow(LinkProblems::notWorking);
    var stamp = link.watermark() ? link.stamp(recipient, clock.instant()) : null;
    return new LinkDownload(link, visitor, recipient, stamp, content, counter, log);
  }

  /**
   * Refuses a visitor who has not proved a named address on a restricted link, or not given the
   * password of a link that has one; answers the address proved, if any.
   */
  Optional<String> admitted(LinkRow link, Visitor visitor) {
    var recipient = access.recipient(link, visitor);
    if (link.recipients().restricts() && recipient.isEmpty()) {
      throw LinkProblems.needsRecipient();
    }
    if (!access.passwordGiven(link, visitor)) {
      throw LinkProblems.needsPassword();
    }
    return recipient;
  }

  LinkRow find(String token) {
    if (!settings.linksEnabled()) {
      throw new ApiException(
          org.springframework.http.HttpStatus.NOT_FOUND, "Links are switched off on this server.");
    }
    if (!Secrets.looksLike(token, LinkService.TOKEN_BYTES)) {
      throw LinkProblems.notWorking();
    }
    // a link to a file in the trash, or of a disabled account, answers as a revoked one until
    // the file is restored or the account enabled
    return rows.byToken(token)
        .filter(link -> files.exists(link.fileId()))
        .filter(link -> !accounts.isDisabled(new UserId(link.ownerId())))
        .orElseThrow(LinkProblems::notWorking);
  }

  /**
   * Refuses an expired link, and a used-up one unless {@code resuming} is allowed and the visitor
   * resumes a download already counted.
   */
  void working(LinkRow link, Visitor visitor, boolean resuming) {
    var expires = link.expiresAt();
    if (expires != null && expires <= clock.millis()) {
      throw LinkProblems.expired(Instant.ofEpochMilli(expires));
    }
    if (link.usedUp() && !(resuming && counter.resumes(link, visitor))) {
      throw LinkProblems.usedUp(link.downloads());
    }
  }
}
