package dev.fileshare.files.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link FileAnswer} as JSON, and remembers the JSON of the answers it wrote last, keyed
 * by the whole answer: a list asked for again is mostly the same files, and copying their JSON is
 * several times cheaper than writing it field by field (Jackson and the timestamps' formatting were
 * a third of a list's CPU). The key is every value that goes into the text, so a remembered text is
 * always exactly what writing the answer would give.
 */
class FileAnswerSerializer extends ValueSerializer<FileAnswer> {

  /** About 400 bytes each: at most a few MiB. */
  private static final int MAX_REMEMBERED = 10_000;

  private final Cache<FileAnswer, SerializableString> written =
      Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();

  @Override
  public void serialize(FileAnswer file, JsonGenerator out, SerializationContext context) {
    out.writeRawValue(written.get(file, FileAnswerSerializer::render));
  }

  private static SerializableString render(FileAnswer file) {
    var text = new StringWriter(512);
    try (var json = JsonMapper.shared().createGenerator(text)) {
      json.writeStartObject();
      json.writeNumberProperty("id", file.id());
      if (file.url() != null) {
        json.writeStringProperty("url", file.url());
      }
      json.writeStringProperty("pdf", file.pdf());
      json.writeStringProperty("name", file.name());
      json.writeNumberProperty("size", file.size());
      json.writeStringProperty("content_type", file.contentType());
      json.writeStringProperty("sha256", file.sha256());
      json.writeStringProperty("owner", file.owner());
      json.writeStringProperty("visibility", file.visibility());
      json.writeStringProperty("created", file.created().toString());
      json.writeStringProperty("updated", file.updated().toString());
      json.writeNumberProperty("version", file.version());
      if (file.sharedBy() != null) {
        json.writeStringProperty("shared_by", file.sharedBy());
      }
      if (file.permission() != null) {
        json.writeStringProperty("permission", file.permission());
      }
      if (file.request() != null) {
        json.writeNumberProperty("request", file.request());
      }
      for (var detail : file.details().entrySet()) {
        json.writePOJOProperty(detail.getKey(), detail.getValue());
      }
      json.writeEndObject();
    }
    return new SerializedString(text.toString());
  }
}
