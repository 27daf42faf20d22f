package dev.fileshare.accounts.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.accounts.AddressRequestQueue;
import dev.fileshare.accounts.PasswordService;
import dev.fileshare.shared.AuthenticatedUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PasswordController {

  static final String RESET_ANSWER =
      "If that address belongs to an account, an email with a reset link is on its way.";

  private final PasswordService passwords;
  private final AddressRequestQueue addressRequests;

  PasswordController(PasswordService passwords, AddressRequestQueue addressRequests) {
    this.passwords = passwords;
    this.addressRequests = addressRequests;
  }

  record ChangeRequest(
      @JsonProperty("old_password") @JsonAlias("oldPassword") @Nullable String oldPassword,
      @JsonProperty("new_password") @JsonAlias("newPassword") @Nullable String newPassword) {}

  record ResetRequest(@Nullable String email) {}

  record ResetConfirmation(@Nullable String token, @Nullable String password) {}

  @PostMapping("/api/user/password")
  Message change(
      @AuthenticationPrincipal AuthenticatedUser user, @RequestBody ChangeRequest request) {
    passwords.change(user.userId(), request.oldPassword(), request.newPassword());
    return new Message("Password changed");
  }

  @PostMapping("/api/user/password-reset")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Message requestReset(@RequestBody ResetRequest request) {
    addressRequests.submit(request.email(), passwords::requestReset);
    return new Message(RESET_ANSWER);
  }

  @PostMapping("/api/user/password-reset/confirm")
  Message reset(@RequestBody ResetConfirmation request) {
    passwords.reset(request.token(), request.password());
    return new Message("Password has been reset");
  }
}
