package dev.fileshare.sharing;

import dev.fileshare.shared.Change;
import java.time.Instant;
import java.util.List;

/**
 * What a request asks of a new or changed link, each member as it came: left out, null, or a value.
 * The values are checked against the rules when they are applied.
 */
public record LinkChanges(
    Change<String> label,
    Change<Instant> expires,
    Change<String> password,
    Change<Long> maxDownloads,
    Change<Boolean> notifyFirstDownload,
    Change<List<String>> recipients,
    Change<String> mode,
    Change<Boolean> watermark) {}
