package dev.fileshare.auth.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.auth.ApiKey;
import dev.fileshare.auth.Scope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An API key as the API shows it. {@code key} is there once, in the answer that makes the key;
 * every other answer leaves it out.
 *
 * @param lastUsed its last use, to the minute; {@code null}: never used
 */
@Schema(name = "ApiKey")
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record ApiKeyAnswer(
    long id,
    String name,
    List<String> scopes,
    Instant created,
    @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Instant expires,
    @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("last_used")
        @Nullable Instant lastUsed,
    @Schema(description = "The key, shown only when it is made", nullable = true)
        @Nullable String key) {

  static ApiKeyAnswer of(ApiKey key) {
    return new ApiKeyAnswer(
        key.id(),
        key.name(),
        key.scopes().stream().map(Scope::wire).toList(),
        key.created(),
        key.expires().orElse(null),
        key.lastUsed().orElse(null),
        null);
  }

  static ApiKeyAnswer created(ApiKey.Created created) {
    var key = of(created.metadata());
    return new ApiKeyAnswer(
        key.id, key.name, key.scopes, key.created, key.expires, key.lastUsed, created.key());
  }
}
