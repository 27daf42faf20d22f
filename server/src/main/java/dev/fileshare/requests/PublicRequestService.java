package dev.fileshare.requests;

import dev.fileshare.accounts.AccountAdministration;
import dev.fileshare.accounts.AccountService;
import dev.fileshare.auth.RateLimiter;
import dev.fileshare.files.FileLookup;
import dev.fileshare.files.UploadService;
import dev.fileshare.quotas.QuotaService;
import dev.fileshare.resumable.UploadTarget;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The uploader's side of file requests: open one, start a visit (with the password if it needs
 * one), send files, see the files of this visit. An unknown token, and a request of a disabled
 * account, is 404; a closed or expired request says so (410), a full one says how many files it
 * takes (409).
 */
@Service
public class PublicRequestService {

  static final int VISIT_BYTES = 32;
  static final int MINE_MAX = 1000;

  private final RequestRows rows;
  private final VisitRows visits;
  private final ReceiptRows receipts;
  private final RequestPolicy rules;
  private final Intake intake;
  private final UploadService uploads;
  private final FileLookup files;
  private final AccountService accounts;
  private final AccountAdministration administration;
  private final RateLimiter limits;
  private final RequestsSettings settings;
  private final Clock clock;

  PublicRequestService(
      RequestRows rows,
      VisitRows visits,
      ReceiptRows receipts,
      RequestPolicy rules,
      Intake intake,
      UploadService uploads,
      FileLookup files,
      AccountService accounts,
      AccountAdministration administration,
      RateLimiter limits,
      RequestsSettings settings,
      Clock clock) {
    this.rows = rows;
    this.visits = visits;
    this.receipts = receipts;
    this.rules = rules;
    this.intake = intake;
    this.uploads = uploads;
    this.files = files;
    this.accounts = accounts;
    this.administration = administration;
    this.limits = limits;
    this.settings = settings;
    this.clock = clock;
  }

  public PublicRequest open(String token, Guest guest) {
    var row = taking(find(token));
    var visit = visit(row, guest);
    var passed = visit != null && (visit.unlocked() || !row.hasPassword());
    var proved = visit == null ? null : proved(row, visit);
    var named = !row.recipients().restricts() || proved != null;
    var unlocked = passed && named;
    var shown = (passed || !row.hasPassword()) && named;
    var owner = shown ? accounts.find(row.owner()).map(a -> a.username()).orElse("") : "";
    var left = row.maxFiles() == null ? null : Math.max(0, row.maxFiles() - row.received());
    return new PublicRequest(
        shown ? row.title() : "",
        shown ? row.instructions() : "",
        owner,
        row.hasPassword(),
        visit != null,
        unlocked,
        row.requireName(),
        row.requireEmail(),
        rules.maxFileSize(row),
        left,
        row.expiresAt() == null ? null : Instant.ofEpochMilli(row.expiresAt()),
        row.recipients().restricts(),
        proved);
  }

  /**
   * Starts a visit: its uploads are the visitor's own. A request with a password needs it; wrong
   * ones are limited per request and per address (429 with Retry-After once either is used up).
   */
  public PublicRequest.Visit startVisit(String token, @Nullable String password, Guest guest) {
    var row = taking(find(token));
    limits.take("request-visit-ip:" + guest.address(), settings.visitsPerAddress());
    if (row.hasPassword()) {
      var perRequest = "request-password:" + row.id();
      var perAddress = "request-password-ip:" + guest.address();
      limits.check(perRequest, settings.passwordFailuresPerRequest());
      limits.check(perAddress, settings.passwordFailuresPerAddress());
      if (password == null || password.isEmpty()) {
        throw RequestProblems.needsPassword();
      }
      if (!rules.matches(row, password)) {
        limits.take(perRequest, settings.passwordFailuresPerRequest());
        limits.take(perAddress, settings.passwordFailuresPerAddress());
        throw RequestProblems.wrongPassword();
      }
    }
    var secret = Secrets.generate(VISIT_BYTES);
    var expires = clock.instant().plus(settings.visitTtl());
    visits.insert(Secrets.hash(secret), row.id(), row.hasPassword(), expires.toEpochMilli());
    return new PublicRequest.Visit(secret, expires);
  }

  /** The files sent in the caller's visit, oldest first. */
  public List<Receipt> mine(String token, Guest guest) {
    var row = find(token);
    var visit = visit(row, guest);
    if (visit == null) {
      throw RequestProblems.needsVisit();
    }
    return receipts.ofVisit(row.id(), visit.hash(), MINE_MAX);
  }

  /**
   * Receives one file sent whole ({@code announcedBytes} long, -1: unknown), checked as any upload
   * is and within the owner's quota; answers its receipt.
   */
  public Receipt receive(
      String token,
      Guest guest,
      PublicRequest.From from,
      InputStream content,
      long announcedBytes,
      @Nullable String fileName)
      throws IOException {
    var row = find(token);
    var sender = admit(row, guest, from, true);
    var max = rules.maxFileSize(row);
    try {
      uploads.checkRoom(row.owner(), Math.max(0, announcedBytes), max);
      try (var staged = uploads.stage(row.owner(), content, fileName, max)) {
        return intake.accept(row, sender, staged).receipt();
      }
    } catch (ApiException e) {
      throw QuotaService.withoutFigures(e);
    }
  }

  /** Where the caller's resumable uploads into the request go, once they may upload. */
  public UploadTarget target(String token, Guest guest) {
    var row = find(token);
    var visit = unlockedVisit(row, guest);
    return new RequestTarget(this, intake, receipts, files, rules, row, visit.hash(), guest);
  }

  /**
   * Who sends a file, if they may: a visit that works, the password if needed, the name and address
   * the request asks for, within the rate limit (when {@code counted}: once per upload), and a
   * request that still takes files.
   */
  ReceiptRows.Sender admit(RequestRow row, Guest guest, PublicRequest.From from, boolean counted) {
    var visit = unlockedVisit(row, guest);
    taking(row);
    var name = SenderFields.name(from.name(), row.requireName());
    var proved = proved(row, visit);
    var email = proved != null ? proved : SenderFields.email(from.email(), row.requireEmail());
    if (counted) {
      limits.take("request-upload-ip:" + guest.address(), settings.uploadsPerAddress());
    }
    return new ReceiptRows.Sender(name, email, guest.address(), visit.hash());
  }

  private VisitRows.Visit unlockedVisit(RequestRow row, Guest guest) {
    var visit = passedVisit(row, guest);
    if (row.recipients().restricts() && proved(row, visit) == null) {
      throw RequestProblems.needsRecipient();
    }
    return visit;
  }

  /** The caller's visit, past the password if the request has one. */
  VisitRows.Visit passedVisit(RequestRow row, Guest guest) {
    var visit = visit(row, guest);
    if (visit == null) {
      throw RequestProblems.needsVisit();
    }
    if (row.hasPassword() && !visit.unlocked()) {
      throw RequestProblems.needsPassword();
    }
    return visit;
  }

  /** The address proved in the visit, if the request (still) allows it. */
  private static @Nullable String proved(RequestRow row, VisitRows.Visit visit) {
    var address = visit.address();
    return address != null && row.recipients().allows(address) ? address : null;
  }

  private VisitRows.@Nullable Visit visit(RequestRow row, Guest guest) {
    var secret = guest.visit();
    if (secret == null || !Secrets.looksLike(secret, VISIT_BYTES)) {
      return null;
    }
    return visits.find(Secrets.hash(secret), row.id(), clock.millis()).orElse(null);
  }

  RequestRow find(String token) {
    if (!Secrets.looksLike(token, RequestService.TOKEN_BYTES)) {
      throw ApiException.notFound();
    }
    // a disabled account's requests answer as unknown ones until it is enabled
    return rows.byToken(token)
        .filter(row -> !administration.isDisabled(row.owner()))
        .orElseThrow(ApiException::notFound);
  }

  /** The request, if it takes files now: open, not expired, not full. */
  RequestRow taking(RequestRow row) {
    if (row.closed() || row.expired(clock.millis()) || row.full()) {
      throw intake.refusal(row.id());
    }
    return row;
  }
}
