package dev.fileshare.sharing;

import dev.fileshare.files.FileLookup;
import dev.fileshare.files.FileView;
import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.shared.ApiException;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * A visitor of a link restricted to named people proves their address: asks for a code (answered
 * alike whether or not the address may open the link), then gives it and gets an access that holds
 * the address, next to a password the link may also ask for.
 */
@Service
public class LinkVerification {

  private final PublicLinkService links;
  private final RecipientCheck check;
  private final LinkAccess access;
  private final AccessLog log;
  private final FileLookup files;
  private final FileShareSettings site;

  LinkVerification(
      PublicLinkService links,
      RecipientCheck check,
      LinkAccess access,
      AccessLog log,
      FileLookup files,
      FileShareSettings site) {
    this.links = links;
    this.check = check;
    this.access = access;
    this.log = log;
    this.files = files;
    this.site = site;
  }

  /** How long a code is valid. */
  public Duration codeValidFor() {
    return check.validFor();
  }

  /** Asks for a code for the address: mailed if the link allows it, and answered alike if not. */
  public void ask(String token, String address, Visitor visitor) {
    var link = links.find(token);
    links.working(link, visitor, false);
    if (!link.recipients().restricts()) {
      throw LinkProblems.notRestricted();
    }
    var owner = files.byId(link.fileId()).map(FileView::owner).orElseThrow(ApiException::notFound);
    check.ask(
        scope(link),
        link.recipients(),
        address,
        visitor.address(),
        "open a link to a file " + owner + " shared on fileshare",
        site.link("/s/" + link.token()));
  }

  /**
   * Checks the code; the right one gives the visitor an access that holds the address (the one they
   * show already, when it holds something for this link). A wrong code is logged.
   */
  public PublicLink.Unlock verify(String token, String address, String code, Visitor visitor) {
    var link = links.find(token);
    links.working(link, visitor, false);
    if (!link.recipients().restricts()) {
      throw LinkProblems.notRestricted();
    }
    String proved;
    try {
      proved = check.verify(scope(link), link.recipients(), address, code, visitor.address());
    } catch (ApiException e) {
      if (e.status().value() == 400 && !"address".equals(firstField(e))) {
        log.record(link, LinkEvent.Kind.CODE_FAILED, visitor, null);
      }
      throw e;
    }
    var unlock = access.grantRecipient(link, visitor, proved);
    log.record(link, LinkEvent.Kind.RECIPIENT_VERIFIED, visitor, null, proved);
    return unlock;
  }

  private static String scope(LinkRow link) {
    return RecipientCheck.scope("link", link.id());
  }

  private static String firstField(ApiException e) {
    return e.members().containsKey("address") ? "address" : "code";
  }
}
