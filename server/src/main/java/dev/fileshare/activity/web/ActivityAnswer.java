package dev.fileshare.activity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.activity.Activity;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An entry of the activity feed on the wire. */
record ActivityAnswer(
    long id,
    String action,
    @Nullable Long file,
    @JsonProperty("file_name") String fileName,
    @Nullable String actor,
    String detail,
    Instant created) {

  static ActivityAnswer of(Activity activity) {
    return new ActivityAnswer(
        activity.id(),
        activity.action(),
        activity.fileId().orElse(null),
        activity.fileName(),
        activity.actor().orElse(null),
        activity.detail(),
        activity.created());
  }
}
