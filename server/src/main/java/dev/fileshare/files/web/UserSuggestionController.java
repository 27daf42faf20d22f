package dev.fileshare.files.web;

import dev.fileshare.accounts.AccountLookup;
import dev.fileshare.auth.RateLimiter;
import dev.fileshare.shared.AuthenticatedUser;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Usernames to share with, as someone types: the verified users whose name starts with {@code
 * search}, at most ten, for signed-in users, rate limited per user. Addresses are never suggested.
 */
@RestController
class UserSuggestionController {

  private final AccountLookup people;
  private final RateLimiter limits;

  UserSuggestionController(AccountLookup people, RateLimiter limits) {
    this.people = people;
    this.limits = limits;
  }

  record Suggestion(String username) {}

  @GetMapping("/api/users")
  List<Suggestion> suggest(
      @AuthenticationPrincipal AuthenticatedUser user,
      @RequestParam(required = false) @Nullable String search) {
    limits.take("user-search@" + user.userId().value(), limits.settings().userSearchPerUser());
    if (search == null) {
      return List.of();
    }
    return people.suggestUsernames(search).stream().map(Suggestion::new).toList();
  }
}
