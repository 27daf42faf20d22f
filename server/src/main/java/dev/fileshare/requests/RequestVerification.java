package dev.fileshare.requests;

import dev.fileshare.accounts.AccountService;
import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.sharing.RecipientCheck;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * An uploader of a request restricted to named people proves their address, in their visit (past
 * the password, if the request has one): asks for a code (answered alike whether or not the address
 * may send files), then gives it, and the visit holds the address from then on. Uploads in that
 * visit record it as the uploader's email.
 */
@Service
public class RequestVerification {

  private final PublicRequestService requests;
  private final VisitRows visits;
  private final RecipientCheck check;
  private final AccountService accounts;
  private final FileShareSettings site;

  RequestVerification(
      PublicRequestService requests,
      VisitRows visits,
      RecipientCheck check,
      AccountService accounts,
      FileShareSettings site) {
    this.requests = requests;
    this.visits = visits;
    this.check = check;
    this.accounts = accounts;
    this.site = site;
  }

  /** How long a code is valid. */
  public Duration codeValidFor() {
    return check.validFor();
  }

  /**
   * Asks for a code for the address: mailed if the request allows it, and answered alike if not.
   */
  public void ask(String token, String address, Guest guest) {
    var row = restricted(token);
    requests.passedVisit(row, guest);
    var owner = accounts.find(row.owner()).map(a -> a.username()).orElse("someone");
    check.ask(
        scope(row),
        row.recipients(),
        address,
        guest.address(),
        "send files to " + owner + " through a file request on fileshare",
        site.link("/r/" + row.token()));
  }

  /**
   * Checks the code; the right one makes the caller's visit hold the address. Answers the request
   * as the visit now sees it.
   */
  public PublicRequest verify(String token, String address, String code, Guest guest) {
    var row = restricted(token);
    var visit = requests.passedVisit(row, guest);
    var proved = check.verify(scope(row), row.recipients(), address, code, guest.address());
    visits.prove(visit.hash(), row.id(), proved);
    return requests.open(token, guest);
  }

  private RequestRow restricted(String token) {
    var row = requests.taking(requests.find(token));
    if (!row.recipients().restricts()) {
      throw RequestProblems.notRestricted();
    }
    return row;
  }

  private static String scope(RequestRow row) {
    return RecipientCheck.scope("request", row.id());
  }
}
