package dev.fileshare.accounts.web;

import dev.fileshare.accounts.InvitationAnswer;
import dev.fileshare.accounts.InvitationRequest;
import dev.fileshare.accounts.InvitationService;
import dev.fileshare.shared.AuthenticatedUser;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Invitations sent by users who are not administrators, when {@code
 * fileshare.registration.users-may-invite} is on (403 otherwise). Administrators send theirs
 * through {@code /api/admin/invitations/}.
 */
@RestController
class InvitationController {

  private final InvitationService invitations;
  private final Clock clock;

  InvitationController(InvitationService invitations, Clock clock) {
    this.invitations = invitations;
    this.clock = clock;
  }

  @PostMapping("/api/invitations")
  @ResponseStatus(HttpStatus.CREATED)
  InvitationAnswer invite(
      @AuthenticationPrincipal AuthenticatedUser caller,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = InvitationRequest.class)))
          @RequestBody(required = false)
          @Nullable JsonNode body) {
    invitations.requireUsersMayInvite();
    var request = InvitationRequest.read(body);
    var invitation = invitations.invite(caller.userId(), request.email(), request.days(), false);
    return InvitationAnswer.of(invitation, clock.instant());
  }
}
