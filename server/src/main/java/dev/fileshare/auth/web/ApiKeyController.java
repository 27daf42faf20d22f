package dev.fileshare.auth.web;

import dev.fileshare.auth.ApiKeyService;
import dev.fileshare.auth.FreshSignIn;
import dev.fileshare.auth.Scope;
import dev.fileshare.platform.JsonMembers;
import dev.fileshare.platform.Paging;
import dev.fileshare.shared.ApiException;
import dev.fileshare.shared.AuthenticatedUser;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The caller's API keys: make one (the key is in that answer only), list them, revoke one. Only a
 * caller signed in with a password gets here; an API key is refused with 403 by the security
 * configuration, so that a leaked key cannot make more keys. Making one asks for a fresh sign-in
 * ({@link FreshSignIn}), so that a stolen token cannot make a key that outlives it.
 */
@RestController
class ApiKeyController {

  static final int MAX_NAME = 100;
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final ApiKeyService keys;
  private final FreshSignIn freshSignIn;

  ApiKeyController(ApiKeyService keys, FreshSignIn freshSignIn) {
    this.keys = keys;
    this.freshSignIn = freshSignIn;
  }

  /** The body of {@code POST /api/keys/}. */
  @Schema(name = "ApiKeyRequest")
  record KeyRequest(
      @Schema(description = "What the key is for, 1 to 100 characters", maxLength = MAX_NAME)
          String name,
      @ArraySchema(
              schema =
                  @Schema(allowableValues = {"files:read", "files:write", "shares", "account"}),
              minItems = 1)
          List<String> scopes,
      @Schema(
              description = "When the key stops working (ISO 8601); null: never",
              nullable = true,
              format = "date-time")
          @Nullable String expires,
      @Schema(
              description =
                  "The caller's password; needed when the sign-in is older than"
                      + " fileshare.auth.fresh-sign-in",
              nullable = true,
              format = "password")
          @Nullable String password,
      @Schema(
              description =
                  "A two-factor code or a recovery code, with the password, when two-factor"
                      + " sign-in is on",
              nullable = true)
          @Nullable String code) {}

  @PostMapping("/api/keys")
  ResponseEntity<ApiKeyAnswer> create(
      @AuthenticationPrincipal AuthenticatedUser user,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = KeyRequest.class)))
          @RequestBody(required = false)
          @Nullable JsonNode body) {
    var json = JsonMembers.of(body, ApiKeyController::message);
    var name = json.text("name").strip();
    if (name.isEmpty()
        || name.length() > MAX_NAME
        || name.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.invalid("name", message("name"));
    }
    var scopes = json.member("scopes", ApiKeyController::scopes).value();
    if (scopes == null || scopes.isEmpty()) {
      throw ApiException.invalid("scopes", message("scopes"));
    }
    var expires = Optional.ofNullable(json.member("expires", ApiKeyController::expiry).value());
    freshSignIn.require(user, json.text("password"), json.text("code"));
    var created = keys.create(user.userId(), name, scopes, expires);
    return ResponseEntity.status(HttpStatus.CREATED).body(ApiKeyAnswer.created(created));
  }

  @GetMapping("/api/keys")
  List<ApiKeyAnswer> list(@AuthenticationPrincipal AuthenticatedUser user) {
    return keys.list(user.userId()).stream().map(ApiKeyAnswer::of).toList();
  }

  @DeleteMapping("/api/keys/{id}")
  ResponseEntity<Void> revoke(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable String id) {
    keys.revoke(user.userId(), Paging.id(id));
    return ResponseEntity.noContent().build();
  }

  /** An instant the database can keep as epoch milliseconds: no later than the year 9999. */
  private static Instant expiry(JsonNode node) {
    var instant = JsonMembers.instant(node);
    if (instant.isAfter(LATEST)) {
      throw new IllegalArgumentException();
    }
    return instant;
  }

  private static Set<Scope> scopes(JsonNode node) {
    var scopes = EnumSet.noneOf(Scope.class);
    for (var name : JsonMembers.texts(node)) {
      scopes.add(Scope.of(name).orElseThrow(IllegalArgumentException::new));
    }
    return scopes;
  }

  private static String message(String member) {
    return switch (member) {
      case "name" -> "name is text of 1 to " + MAX_NAME + " characters.";
      case "scopes" ->
          "scopes is a list of one or more of files:read, files:write, shares, account.";
      case "password", "code" -> member + " is text.";
      case "expires" ->
          "expires is a date and time in ISO 8601 (2030-01-31T12:00:00Z) before the year 10000,"
              + " or null.";
      default -> member + " is not valid.";
    };
  }
}
