package dev.fileshare.admin.web;

import dev.fileshare.admin.AdminService;
import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.platform.JsonMembers;
import dev.fileshare.platform.Paging;
import dev.fileshare.quotas.QuotaService.Limit;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import dev.fileshare.shared.UserId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The administrators' endpoints: the list of users (by username, or by address for a search with an
 * {@code @}, with a {@code Link} to the next page), one user, disabling and enabling, the quota,
 * turning two-factor sign-in off for a user who lost it, approving accounts that wait for it,
 * deleting accounts, new verification mails, and the server's totals. Only administrators get here
 * (the security configuration answers 403 to anyone else signed in).
 */
@RestController
class AdminController {

  private final AdminService admin;
  private final FileShareSettings settings;

  AdminController(AdminService admin, FileShareSettings settings) {
    this.admin = admin;
    this.settings = settings;
  }

  /** The body of {@code PUT /api/admin/users/{id}/quota/}. */
  @Schema(name = "QuotaChange")
  record QuotaChange(
      @Schema(
              description =
                  "The bytes the user may store (content, versions, trash and unfinished uploads);"
                      + " null: no limit; \"default\": the server's default",
              nullable = true,
              oneOf = {Long.class, String.class})
          @Nullable Object quota) {}

  @GetMapping("/api/admin/users")
  ResponseEntity<List<AdminUserAnswer>> users(
      @RequestParam(required = false) @Nullable String search,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(required = false) @Nullable String limit,
      @Parameter(description = "true: only the accounts that wait for approval")
          @RequestParam(required = false)
          @Nullable String pending) {
    var size = Paging.of(null, limit).limit();
    var text = search == null ? "" : search;
    var waiting = pending(pending);
    var page = admin.users(text, Optional.ofNullable(cursor), size, waiting);
    var response = ResponseEntity.ok();
    page.next()
        .ifPresent(
            next -> {
              var query =
                  "?cursor="
                      + next.encode()
                      + "&limit="
                      + size
                      + (text.isBlank() ? "" : "&search=" + encode(text.strip()))
                      + (waiting ? "&pending=true" : "");
              var link = settings.link("/api/admin/users/" + query);
              response.header(HttpHeaders.LINK, Paging.nextLink(link));
            });
    return response.body(page.users().stream().map(AdminUserAnswer::of).toList());
  }

  @GetMapping("/api/admin/users/{id}")
  AdminUserAnswer user(@PathVariable String id) {
    return AdminUserAnswer.of(admin.user(userId(id)));
  }

  @PostMapping("/api/admin/users/{id}/disable")
  AdminUserAnswer disable(
      @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id) {
    return AdminUserAnswer.of(admin.disable(caller.userId(), userId(id)));
  }

  @PostMapping("/api/admin/users/{id}/enable")
  AdminUserAnswer enable(
      @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id) {
    return AdminUserAnswer.of(admin.enable(caller.userId(), userId(id)));
  }

  /** For a user who lost the authenticator app and the recovery codes; they are told by mail. */
  @PostMapping("/api/admin/users/{id}/2fa/disable")
  AdminUserAnswer disableTwoFactor(
      @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id) {
    return AdminUserAnswer.of(admin.turnOffTwoFactor(caller.userId(), userId(id)));
  }

  @PostMapping("/api/admin/users/{id}/approve")
  AdminUserAnswer approve(
      @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id) {
    return AdminUserAnswer.of(admin.approve(caller.userId(), userId(id)));
  }

  @PutMapping("/api/admin/users/{id}/quota")
  AdminUserAnswer quota(
      @AuthenticationPrincipal AuthenticatedUser caller,
      @PathVariable String id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = QuotaChange.class)))
          @RequestBody(required = false)
          @Nullable JsonNode body) {
    var user = userId(id);
    return AdminUserAnswer.of(admin.setQuota(caller.userId(), user, limit(body)));
  }

  /** The body of {@code POST /api/admin/users/{id}/delete/}. */
  @Schema(name = "AccountDeletion")
  record DeletionRequest(
      @Schema(
              description =
                  "What becomes of the account's files: \"delete\" (removed for good, with their"
                      + " versions, shares and links) or \"transfer\" (they become the user"
                      + " named in \"to\"'s)",
              allowableValues = {"delete", "transfer"})
          String files,
      @Schema(description = "With \"transfer\": the username the files go to", nullable = true)
          @Nullable String to) {}

  /** The answer of {@code POST /api/admin/users/{id}/delete/}. */
  @Schema(name = "AccountDeleted")
  record DeletionAnswer(
      long id,
      String username,
      @Schema(description = "\"deleted\" or \"transferred\"") String files,
      @Schema(description = "How many files were removed or given") long count,
      @Schema(nullable = true) @Nullable String to) {}

  @PostMapping("/api/admin/users/{id}/delete")
  DeletionAnswer delete(
      @AuthenticationPrincipal AuthenticatedUser caller,
      @PathVariable String id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = DeletionRequest.class)))
          @RequestBody(required = false)
          @Nullable JsonNode body) {
    var user = userId(id);
    var message = "files is \"delete\" or \"transfer\"; to is a username.";
    var members = JsonMembers.of(body, name -> message);
    var files = members.text("files");
    var to = members.text("to").strip();
    Optional<String> heir;
    switch (files) {
      case "delete" -> {
        if (!to.isEmpty()) {
          throw ApiException.invalid("to", "to goes with \"files\": \"transfer\" only.");
        }
        heir = Optional.empty();
      }
      case "transfer" -> {
        if (to.isEmpty()) {
          throw ApiException.invalid("to", "Name the user the files go to in to.");
        }
        heir = Optional.of(to);
      }
      default ->
          throw ApiException.invalid(
              "files",
              "Say what becomes of the account's files: \"files\": \"delete\" or \"transfer\""
                  + " (with \"to\").");
    }
    var done = admin.delete(caller.userId(), user, heir);
    return new DeletionAnswer(
        done.id().value(),
        done.username(),
        done.heir().isPresent() ? "transferred" : "deleted",
        done.files(),
        done.heir().orElse(null));
  }

  @PostMapping("/api/admin/users/{id}/resend-verification")
  ResponseEntity<java.util.Map<String, String>> resendVerification(
      @AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id) {
    admin.resendVerification(caller.userId(), userId(id));
    return ResponseEntity.accepted()
        .body(java.util.Map.of("message", "A new verification email is on its way."));
  }

  @GetMapping("/api/admin/totals")
  TotalsAnswer totals() {
    return TotalsAnswer.of(admin.totals());
  }

  /** {@code {"quota": bytes}}, {@code null} for no limit or {@code "default"}. */
  private static Limit limit(@Nullable JsonNode body) {
    var message =
        "quota is a number of bytes from 0, null for no limit, or \"default\" for the server's.";
    var quota =
        JsonMembers.of(body, name -> message)
            .member(
                "quota",
                node -> {
                  if (node.isString() && node.stringValue().equals("default")) {
                    return Limit.DEFAULT;
                  }
                  var bytes = JsonMembers.whole(node);
                  if (bytes < 0) {
                    throw new IllegalArgumentException();
                  }
                  return Limit.of(bytes);
                });
    if (!quota.given()) {
      throw ApiException.invalid("quota", message);
    }
    var value = quota.value();
    return value == null ? Limit.NONE : value;
  }

  private static boolean pending(@Nullable String text) {
    if (text == null || text.equals("false")) {
      return false;
    }
    if (text.equals("true")) {
      return true;
    }
    throw ApiException.invalid("pending", "pending is true or false.");
  }

  private static UserId userId(String text) {
    return new UserId(Paging.id(text));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
