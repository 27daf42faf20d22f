package dev.fileshare.documents;

import dev.fileshare.inspection.DocumentReader;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extracts the text of each page (up to {@code max-pages} pages and {@code max-text} of text) and
 * stores it for full-text search, with the state of the document's text: {@code indexed}, or {@code
 * none} when no page has any (a scanned document). The pages are read first and written in one
 * short transaction with the state, so the database is never held while a document is read, and
 * text of other content is never left behind: the transaction stores nothing when the file's
 * content changed meanwhile.
 */
@Component
@Order(2)
class TextStep implements DocumentStep {

  private record Page(int number, String text) {}

  private final DocumentReader reader;
  private final DocumentRows rows;
  private final PageRows pages;
  private final TransactionTemplate transaction;
  private final DocumentSettings settings;
  private final Clock clock;

  TextStep(
      DocumentReader reader,
      DocumentRows rows,
      PageRows pages,
      PlatformTransactionManager transactions,
      DocumentSettings settings,
      Clock clock) {
    this.reader = reader;
    this.rows = rows;
    this.pages = pages;
    this.transaction = new TransactionTemplate(transactions);
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void run(long fileId, String sha256, Content content) throws IOException {
    var read = new ArrayList<Page>();
    var budget = new long[] {settings.maxText().toBytes()};
    try (var channel = content.open()) {
      reader.text(
          channel,
          settings.maxPages(),
          (number, text) -> {
            if (!text.isEmpty() && budget[0] > 0) {
              var kept = text.length() > budget[0] ? text.substring(0, (int) budget[0]) : text;
              budget[0] -= kept.length();
              read.add(new Page(number, kept));
            }
          });
    }
    var state = read.isEmpty() ? "none" : "indexed";
    transaction.executeWithoutResult(
        status -> {
          if (!rows.text(fileId, sha256, state, clock.instant())) {
            return; // other content now: its own job indexes it
          }
          pages.clear(fileId);
          for (var page : read) {
            pages.add(fileId, page.number(), page.text());
          }
        });
  }

  @Override
  public void forget(long fileId) {
    pages.clear(fileId);
  }
}
