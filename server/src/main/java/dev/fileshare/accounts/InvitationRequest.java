package dev.fileshare.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.platform.JsonMembers;
import dev.fileshare.shared.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/invitations/} and {@code POST /api/admin/invitations/}: who to
 * invite and for how long. Read member by member, so that a wrong type is a 400 naming the member.
 */
@Schema(name = "InvitationRequest")
public record InvitationRequest(
    @Schema(description = "The address that may register with the invitation") String email,
    @Schema(
            description = "Days the invitation works, 1 to 365; left out: the server's default",
            nullable = true)
        @JsonProperty("expires_in_days")
        @Nullable Long expiresInDays) {

  public static InvitationRequest read(@Nullable JsonNode body) {
    var members =
        JsonMembers.of(
            body,
            name ->
                name.equals("email")
                    ? "email must be an email address."
                    : "expires_in_days must be a whole number from 1 to 365.");
    var email = members.text("email");
    if (email.isBlank()) {
      throw ApiException.invalid("email", "email must be an email address.");
    }
    var days = members.member("expires_in_days", JsonMembers::whole).value();
    return new InvitationRequest(email, days);
  }

  public Optional<Long> days() {
    return Optional.ofNullable(expiresInDays);
  }
}
