package dev.fileshare.documents;

import dev.fileshare.inspection.DocumentReader;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reads a document's facts (pages, title, author, dates, version, encryption, forms, signatures,
 * attachments, active content) into its documents row. The first step: the others may take long.
 */
@Component
@Order(1)
class FactsStep implements DocumentStep {

  private final DocumentReader reader;
  private final DocumentRows rows;

  FactsStep(DocumentReader reader, DocumentRows rows) {
    this.reader = reader;
    this.rows = rows;
  }

  @Override
  public void run(long fileId, String sha256, Content content) throws IOException {
    String facts;
    try (var channel = content.open()) {
      facts = DocumentAnswer.Stored.json(reader.facts(channel));
    }
    rows.facts(fileId, sha256, facts);
  }

  /** The facts live in the documents row, which goes with the file. */
  @Override
  public void forget(long fileId) {}
}
