package dev.fileshare.admin.web;

import dev.fileshare.accounts.InvitationAnswer;
import dev.fileshare.accounts.InvitationRequest;
import dev.fileshare.accounts.InvitationService;
import dev.fileshare.admin.AdminService;
import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.platform.Paging;
import dev.fileshare.shared.AuthenticatedUser;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The administrators' invitations: send one (mailed with a link to the registration page), list
 * them newest first (a {@code Link} to the next page), revoke one.
 */
@RestController
class AdminInvitationController {

  private static final Logger log = LoggerFactory.getLogger(AdminInvitationController.class);

  private final InvitationService invitations;
  private final FileShareSettings settings;
  private final Clock clock;
  private final AdminService admin;

  AdminInvitationController(
      InvitationService invitations, FileShareSettings settings, Clock clock, AdminService admin) {
    this.admin = admin;
    this.invitations = invitations;
    this.settings = settings;
    this.clock = clock;
  }

  @PostMapping("/api/admin/invitations")
  @ResponseStatus(HttpStatus.CREATED)
  InvitationAnswer invite(
      @AuthenticationPrincipal AuthenticatedUser caller,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = InvitationRequest.class)))
          @RequestBody(required = false)
          @Nullable JsonNode body) {
    var request = InvitationRequest.read(body);
    var invitation = invitations.invite(caller.userId(), request.email(), request.days(), true);
    log.info(
        "Administrator #{} invited {} (invitation {})",
        caller.userId().value(),
        invitation.email(),
        invitation.id());
    return InvitationAnswer.of(invitation, clock.instant());
  }

  @GetMapping("/api/admin/invitations")
  ResponseEntity<List<InvitationAnswer>> list(
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable String limit) {
    var paging = Paging.of(before, limit);
    var found = invitations.page(paging.before(), paging.limit() + 1);
    var page = found.size() > paging.limit() ? found.subList(0, paging.limit()) : found;
    var response = ResponseEntity.ok();
    if (found.size() > paging.limit()) {
      var next = paging.next(page.get(page.size() - 1).id());
      response.header(
          HttpHeaders.LINK, Paging.nextLink(settings.link("/api/admin/invitations/" + next)));
    }
    var now = clock.instant();
    return response.body(page.stream().map(i -> InvitationAnswer.of(i, now)).toList());
  }

  @DeleteMapping("/api/admin/invitations/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id) {
    var invitation = Paging.id(id);
    invitations.revoke(invitation);
    log.info("Administrator #{} revoked the invitation {}", caller.userId().value(), invitation);
    admin.invitationRevoked(caller.userId(), invitation);
  }
}
