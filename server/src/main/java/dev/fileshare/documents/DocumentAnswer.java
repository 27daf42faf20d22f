package dev.fileshare.documents;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.inspection.ActiveContent;
import dev.fileshare.inspection.ActiveContentPolicy;
import dev.fileshare.inspection.DocumentFacts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code document} member of a file's JSON: what is inside the document. The facts are {@code
 * null} (or {@code false}) until the background job has read them.
 *
 * @param text the state of the page text: pending, indexed, none (no page has text: a scanned
 *     document) or failed (the job gave up after retries)
 * @param pages the number of pages
 * @param created when the document says it was made (ISO-8601, UTC)
 * @param modified when it says it was last changed (ISO-8601, UTC)
 * @param activeContent what in it a reader might run or open
 * @param flagged whether the server marks it for its active content (policy {@code flag})
 */
@Schema(name = "Document", description = "What is inside the document, read in the background")
record DocumentAnswer(
    @Schema(allowableValues = {"pending", "indexed", "none", "failed"}) String text,
    @Nullable Integer pages,
    @Nullable String title,
    @Nullable String author,
    @Nullable String subject,
    @Nullable String keywords,
    @Nullable String creator,
    @Nullable String producer,
    @Schema(format = "date-time") @Nullable String created,
    @Schema(format = "date-time") @Nullable String modified,
    @JsonProperty("pdf_version") @Nullable String pdfVersion,
    boolean encrypted,
    boolean forms,
    boolean signatures,
    boolean attachments,
    @JsonProperty("active_content")
        @Schema(allowableValues = {"javascript", "launch_action", "embedded_file", "auto_action"})
        List<String> activeContent,
    boolean flagged) {

  /** The facts as the documents table keeps them (its facts column, as JSON). */
  record Stored(
      @Nullable Integer pages,
      @Nullable String title,
      @Nullable String author,
      @Nullable String subject,
      @Nullable String keywords,
      @Nullable String creator,
      @Nullable String producer,
      @Nullable String created,
      @Nullable String modified,
      @JsonProperty("pdf_version") @Nullable String pdfVersion,
      boolean encrypted,
      boolean forms,
      boolean signatures,
      boolean attachments,
      @JsonProperty("active_content") List<String> activeContent) {

    static String json(DocumentFacts facts) {
      var stored =
          new Stored(
              facts.pages(),
              facts.title(),
              facts.author(),
              facts.subject(),
              facts.keywords(),
              facts.creator(),
              facts.producer(),
              time(facts.created()),
              time(facts.modified()),
              facts.pdfVersion(),
              facts.encrypted(),
              facts.forms(),
              facts.signatures(),
              facts.attachments(),
              facts.activeContent().stream().sorted().map(ActiveContent::wire).toList());
      return JsonMapper.shared().writeValueAsString(stored);
    }

    private static @Nullable String time(@Nullable Instant instant) {
      return instant == null ? null : instant.toString();
    }
  }

  static DocumentAnswer of(DocumentRows.Shown row, ActiveContentPolicy policy) {
    var facts =
        row.facts() == null ? null : JsonMapper.shared().readValue(row.facts(), Stored.class);
    if (facts == null) {
      return new DocumentAnswer(
          row.state(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          false,
          false,
          false,
          false,
          List.of(),
          false);
    }
    return new DocumentAnswer(
        row.state(),
        facts.pages(),
        facts.title(),
        facts.author(),
        facts.subject(),
        facts.keywords(),
        facts.creator(),
        facts.producer(),
        facts.created(),
        facts.modified(),
        facts.pdfVersion(),
        facts.encrypted(),
        facts.forms(),
        facts.signatures(),
        facts.attachments(),
        List.copyOf(facts.activeContent()),
        policy == ActiveContentPolicy.FLAG && !facts.activeContent().isEmpty());
  }
}
