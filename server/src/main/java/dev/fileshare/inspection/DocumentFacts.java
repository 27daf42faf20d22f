package dev.fileshare.inspection;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a document says about itself, read from its metadata and structure. A value the document
 * does not give is {@code null}; a document that needs a password to open gives only {@code
 * encrypted} and its PDF version.
 *
 * @param pages the number of pages
 * @param title the title in the document's information dictionary
 * @param author its author
 * @param subject its subject
 * @param keywords its keywords, as one text
 * @param creator the program that made the original the document was converted from
 * @param producer the program that wrote the PDF
 * @param created when it says it was made
 * @param modified when it says it was last changed
 * @param pdfVersion the PDF version it declares, such as {@code 1.7}
 * @param encrypted whether it is encrypted (with or without a password to open it)
 * @param forms whether it has form fields
 * @param signatures whether it has digital signatures
 * @param attachments whether it has files embedded in it
 * @param activeContent what in it a reader might run or open ({@link ActiveContent})
 */
public record DocumentFacts(
    @Nullable Integer pages,
    @Nullable String title,
    @Nullable String author,
    @Nullable String subject,
    @Nullable String keywords,
    @Nullable String creator,
    @Nullable String producer,
    @Nullable Instant created,
    @Nullable Instant modified,
    @Nullable String pdfVersion,
    boolean encrypted,
    boolean forms,
    boolean signatures,
    boolean attachments,
    Set<ActiveContent> activeContent) {

  public DocumentFacts {
    activeContent = Set.copyOf(activeContent);
  }
}
