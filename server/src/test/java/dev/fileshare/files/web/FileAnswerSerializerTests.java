package dev.fileshare.files.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FileAnswerSerializerTests {

  private final JsonMapper json = JsonMapper.builder().build();

  private static final String FILE_JSON =
      "{\"id\":7,\"pdf\":\"https://files.example.org/api/download/7/\",\"name\":\"report.pdf\","
          + "\"size\":1234,\"content_type\":\"application/pdf\",\"sha256\":\""
          + "ab".repeat(32)
          + "\",\"owner\":\"alice\",\"visibility\":\"private\","
          + "\"created\":\"2026-11-25T10:00:00.120Z\",\"updated\":\"2026-11-25T10:00:01Z\","
          + "\"version\":3}";

  private static FileAnswer answer(String name, String visibility, Instant updated) {
    return answer(null, name, visibility, updated);
  }

  private static FileAnswer answer(
      @Nullable String url, String name, String visibility, Instant updated) {
    return new FileAnswer(
        7,
        url,
        "https://files.example.org/api/download/7/",
        name,
        1234,
        "application/pdf",
        "ab".repeat(32),
        "alice",
        visibility,
        Instant.parse("2026-11-25T10:00:00.120Z"),
        updated,
        3,
        null,
        null,
        null,
        Map.of());
  }

  @Test
  void writesTheFieldsOfTheOriginalInItsOrder() {
    var text =
        json.writeValueAsString(
            answer("report.pdf", "private", Instant.parse("2026-11-25T10:00:01Z")));

    assertThat(text).isEqualTo(FILE_JSON);
  }

  @Test
  void aFinishedUploadIsTheFileWithItsOwnAddressAfterTheId() {
    var url = "https://files.example.org/api/files/7/";
    var updated = Instant.parse("2026-11-25T10:00:01Z");

    var finished = json.writeValueAsString(answer(url, "report.pdf", "private", updated));
    var plain = json.writeValueAsString(answer("report.pdf", "private", updated));

    assertThat(finished)
        .isEqualTo(FILE_JSON.replace("{\"id\":7,", "{\"id\":7,\"url\":\"" + url + "\","));
    assertThat(plain).isEqualTo(FILE_JSON);
  }

  @Test
  void escapesNamesAsJsonDoes() {
    var name = "a \"quoted\" \\ name\n\u0001 – ü 📄.pdf";
    var text = json.writeValueAsString(answer(name, "users", Instant.EPOCH));

    assertThat(json.readTree(text).get("name").asString()).isEqualTo(name);
  }

  @Test
  void aChangedFileIsWrittenAsItIsNowNotAsItWasWrittenBefore() {
    var before = answer("old.pdf", "private", Instant.parse("2026-11-25T10:00:00Z"));
    var renamed = answer("new.pdf", "private", Instant.parse("2026-11-25T10:00:00Z"));
    var shared = answer("new.pdf", "users", Instant.parse("2026-11-25T10:00:00Z"));

    json.writeValueAsString(List.of(before, before));
    var tree = json.readTree(json.writeValueAsString(List.of(before, renamed, shared)));

    assertThat(tree.get(0).get("name").asString()).isEqualTo("old.pdf");
    assertThat(tree.get(1).get("name").asString()).isEqualTo("new.pdf");
    assertThat(tree.get(2).get("visibility").asString()).isEqualTo("users");
  }

  @Test
  void theSameFileSharedByNameShowsEachCallerTheirOwnPermission() {
    var own = answer("report.pdf", "private", Instant.parse("2026-11-25T10:00:01Z"));
    var read = shared(own, "read");
    var edit = shared(own, "edit");

    var tree = json.readTree(json.writeValueAsString(List.of(own, read, edit, own, read)));

    assertThat(json.writeValueAsString(own)).isEqualTo(FILE_JSON);
    assertThat(tree.get(1).get("shared_by").asString()).isEqualTo("alice");
    assertThat(tree.get(1).get("permission").asString()).isEqualTo("read");
    assertThat(tree.get(2).get("permission").asString()).isEqualTo("edit");
    assertThat(tree.get(3).has("permission")).isFalse();
    assertThat(tree.get(3).has("shared_by")).isFalse();
    assertThat(tree.get(4).get("permission").asString()).isEqualTo("read");
    assertThat(json.writeValueAsString(edit))
        .isEqualTo(FILE_JSON.replace("}", ",\"shared_by\":\"alice\",\"permission\":\"edit\"}"));
  }

  private static FileAnswer shared(FileAnswer file, String permission) {
    return new FileAnswer(
        file.id(),
        file.url(),
        file.pdf(),
        file.name(),
        file.size(),
        file.contentType(),
        file.sha256(),
        file.owner(),
        file.visibility(),
        file.created(),
        file.updated(),
        file.version(),
        file.owner(),
        permission,
        null,
        Map.of());
  }

  private static FileAnswer detailed(FileAnswer file, Map<String, Object> details) {
    return new FileAnswer(
        file.id(),
        file.url(),
        file.pdf(),
        file.name(),
        file.size(),
        file.contentType(),
        file.sha256(),
        file.owner(),
        file.visibility(),
        file.created(),
        file.updated(),
        file.version(),
        file.sharedBy(),
        file.permission(),
        file.request(),
        details);
  }

  record Pages(int pages, String text) {}

  @Test
  void detailsOfOtherModulesComeLastAndChangeTheTextWhenTheyChange() {
    var own = answer("report.pdf", "private", Instant.parse("2026-11-25T10:00:01Z"));
    var pending = detailed(own, Map.of("document", new Pages(2, "pending")));
    var indexed = detailed(own, Map.of("document", new Pages(2, "indexed")));

    json.writeValueAsString(List.of(own, pending));
    var tree = json.readTree(json.writeValueAsString(List.of(own, pending, indexed)));

    assertThat(json.writeValueAsString(own)).isEqualTo(FILE_JSON);
    assertThat(json.writeValueAsString(pending))
        .isEqualTo(FILE_JSON.replace("}", ",\"document\":{\"pages\":2,\"text\":\"pending\"}}"));
    assertThat(tree.get(1).get("document").get("text").asString()).isEqualTo("pending");
    assertThat(tree.get(2).get("document").get("text").asString()).isEqualTo("indexed");
  }

  @Test
  void answersInsideOtherAnswersAreSeparatedAsUsual() {
    var page =
        new FileAnswer.AllFiles(
            List.of(
                answer("a.pdf", "private", Instant.EPOCH),
                answer("b.pdf", "private", Instant.EPOCH)));

    var tree = json.readTree(json.writeValueAsString(page));

    assertThat(tree.get("files")).hasSize(2);
    assertThat(tree.get("files").get(1).get("name").asString()).isEqualTo("b.pdf");
  }
}
