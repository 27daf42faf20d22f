package dev.fileshare.requests;

import dev.fileshare.shared.Change;
import java.time.Instant;
import java.util.List;

/**
 * What a request asks of a new or changed file request, each member as it came: left out, null, or
 * a value. The values are checked against the rules when they are applied.
 */
public record RequestChanges(
    Change<String> title,
    Change<String> instructions,
    Change<Instant> expires,
    Change<String> password,
    Change<Long> maxFiles,
    Change<Long> maxFileSize,
    Change<Boolean> requireName,
    Change<Boolean> requireEmail,
    Change<Boolean> notifyOwner,
    Change<Boolean> closed,
    Change<List<String>> recipients) {}
