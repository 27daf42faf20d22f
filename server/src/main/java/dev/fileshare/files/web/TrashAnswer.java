package dev.fileshare.files.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.fileshare.files.TrashedFile;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A file in the trash on the wire: the file's JSON as {@code GET /api/files/{id}/} answered it
 * (written by {@link FileAnswer}'s own serializer), and then when it went to the trash, when it
 * goes for good, how many versions it keeps and the bytes of its content and versions together.
 */
@JsonSerialize(using = TrashAnswer.Writer.class)
record TrashAnswer(
    @JsonUnwrapped FileAnswer file,
    Instant deleted,
    @JsonProperty("purge_at") Instant purgeAt,
    long versions,
    long stored) {

  static TrashAnswer of(TrashedFile trashed, FileUrlBuilder urls) {
    return new TrashAnswer(
        FileAnswer.of(trashed.file(), urls),
        trashed.deleted(),
        trashed.purgeAt(),
        trashed.versions(),
        trashed.stored());
  }

  /** The file's members, then the trash's. */
  static final class Writer extends ValueSerializer<TrashAnswer> {

    @Override
    public void serialize(TrashAnswer answer, JsonGenerator out, SerializationContext context) {
      var json = JsonMapper.shared();
      var file = (ObjectNode) json.readTree(json.writeValueAsString(answer.file()));
      file.put("deleted", answer.deleted().toString());
      file.put("purge_at", answer.purgeAt().toString());
      file.put("versions", answer.versions());
      file.put("stored", answer.stored());
      out.writeTree(file);
    }
  }
}
