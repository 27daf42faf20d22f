package dev.fileshare.audit.web;

import dev.fileshare.audit.AuditEntry;
import dev.fileshare.audit.AuditLog;
import dev.fileshare.platform.FileShareSettings;
import dev.fileshare.platform.Paging;
import dev.fileshare.shared.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log for administrators (the security configuration answers 403 to anyone else signed
 * in): newest first, all of it or one user's ({@code user=<id>}: as actor or subject), with a
 * {@code Link} to the next page.
 */
@RestController
class AuditController {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_ID_DIGITS = 18;

  private final AuditLog audit;
  private final FileShareSettings settings;

  AuditController(AuditLog audit, FileShareSettings settings) {
    this.audit = audit;
    this.settings = settings;
  }

  /** One entry on the wire. */
  record AuditAnswer(
      long id,
      Instant at,
      String action,
      @Nullable Long actor,
      @com.fasterxml.jackson.annotation.JsonProperty("actor_name") @Nullable String actorName,
      @Nullable Long user,
      @Nullable String address,
      JsonNode detail) {

    static AuditAnswer of(AuditEntry entry) {
      return new AuditAnswer(
          entry.id(),
          entry.at(),
          entry.action(),
          entry.actorId().orElse(null),
          entry.actorName().orElse(null),
          entry.subjectId().orElse(null),
          entry.address().orElse(null),
          JSON.readTree(entry.detail()));
    }
  }

  @GetMapping("/api/admin/audit")
  ResponseEntity<List<AuditAnswer>> log(
      @RequestParam(required = false) @Nullable String user,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable String limit) {
    var paging = Paging.of(before, limit);
    var userId = userId(user);
    var found = audit.page(paging, userId);
    var response = ResponseEntity.ok();
    if (found.size() == paging.limit()) {
      var query = paging.next(found.get(found.size() - 1).id());
      var next =
          settings.link("/api/admin/audit/" + query + userId.map(id -> "&user=" + id).orElse(""));
      response.header(HttpHeaders.LINK, Paging.nextLink(next));
    }
    return response.body(found.stream().map(AuditAnswer::of).toList());
  }

  private static Optional<Long> userId(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    var digits = text.length() <= MAX_ID_DIGITS && text.chars().allMatch(Character::isDigit);
    if (!digits || Long.parseLong(text) < 1) {
      throw ApiException.invalid("user", "user is an account's id: a whole number from 1.");
    }
    return Optional.of(Long.parseLong(text));
  }
}
