package dev.fileshare.inspection.pdf;

import dev.fileshare.inspection.ActiveContentPolicy;
import dev.fileshare.inspection.DocumentInspector;
import dev.fileshare.shared.UserId;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Accepts a document as {@code application/pdf} when its first bytes are {@code %PDF-}, its last
 * KiB holds the {@code %%EOF} marker (so it was not cut short), and PDFBox can parse it and find at
 * least one page. What the client said the file was plays no part.
 *
 * <p>A password-protected PDF is still a PDF: one that opens with the empty user password is
 * checked like any other; one that needs a password is accepted once its header, cross-reference
 * table and trailer have parsed (PDFBox gets that far before it asks for the password).
 *
 * <p>With the policy {@code reject}, a document with active content ({@link ActiveContentScan}) is
 * refused with an {@link ActiveContentException} that names it.
 *
 * <p>Limits: PDFBox reads through a 64 KiB buffer and keeps decoded streams in temporary files,
 * never in memory, at most {@code maxDecoded} bytes per document. A cheap first look ({@link
 * FirstLook}) sends a document whose cross-reference table can be followed to the {@code
 * concurrency} slots, and one that needs a full scan to the {@code costlyConcurrency} slots, so the
 * costly ones wait among themselves; in each, one uploader holds at most {@code perUserSlots} at
 * once ({@link InspectionSlots}). Each parse runs on a thread of its own, and one that takes longer
 * than {@code timeout} is refused: its reader is closed, which stops the parse at its next read,
 * and its thread is interrupted.
 */
@Component
class PdfDocumentInspector implements DocumentInspector, AutoCloseable {

  static final String PDF = "application/pdf";
  static final String DAMAGED =
      "The file looks like a PDF but could not be read: it may be damaged or truncated.";
  static final String TOO_SLOW =
      "The file looks like a PDF but could not be read in time: it may be damaged or too complex.";
  static final String TOO_BIG =
      "The file looks like a PDF but is too complex to read: its compressed parts expand beyond"
          + " the limit.";
  private static final Logger log = LoggerFactory.getLogger(PdfDocumentInspector.class);

  private final InspectionSettings settings;
  private final InspectionSlots wellFormed;
  private final InspectionSlots costly;
  private final ExecutorService threads;

  PdfDocumentInspector(InspectionSettings settings) {
    this.settings = settings;
    this.wellFormed = new InspectionSlots(settings.concurrency(), settings.perUserSlots());
    this.costly = new InspectionSlots(settings.costlyConcurrency(), settings.perUserSlots());
    // the slots bound the work; the pool only reuses threads, and never waits for one
    this.threads =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            new CustomizableThreadFactory("pdf-inspection-"));
  }

  @Override
  public String inspect(SeekableByteChannel content, Set<String> allowedTypes, UserId uploader)
      throws IOException {
    if (!allowedTypes.contains(PDF)) {
      throw new UnacceptableContentException(notAccepted(allowedTypes));
    }
    try (var source = new ChannelRandomAccessRead(content)) {
      if (!FirstLook.startsWithMagic(source)) {
        throw new UnacceptableContentException(
            "The file is not a PDF document. Accepted types: " + list(allowedTypes) + ".");
      }
      if (!FirstLook.endsWithEofMarker(source)) {
        throw new UnacceptableContentException(DAMAGED);
      }
      var slots = FirstLook.pointsAtCrossReferences(source) ? wellFormed : costly;
      var outcome = parseInTime(source, slots, uploader);
      if (!outcome.hasPages()) {
        throw new UnacceptableContentException(DAMAGED);
      }
      if (!outcome.activeContent().isEmpty()) {
        throw new ActiveContentException(outcome.activeContent());
      }
      return PDF;
    }
  }

  @Override
  public ActiveContentPolicy activeContentPolicy() {
    return settings.activeContent();
  }

  /**
   * Parses the document on a thread of its own once the uploader has a slot, and gives up on it
   * after the timeout. Active content is looked for only when the policy refuses it: otherwise the
   * background job records it, and the upload does not wait for the scan.
   */
  private PdfParse.Outcome parseInTime(
      ChannelRandomAccessRead source, InspectionSlots slots, UserId uploader) throws IOException {
    var scan = settings.activeContent() == ActiveContentPolicy.REJECT;
    var maxDecoded = settings.maxDecoded().toBytes();
    var parse =
        new FutureTask<>(() -> PdfParse.read(source, scan, maxDecoded)) {
          @Override
          protected void done() {
            slots.release(uploader);
          }
        };
    try {
      slots.acquire(uploader);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting to inspect a document");
    }
    try {
      threads.execute(parse);
    } catch (RejectedExecutionException e) {
      parse.cancel(false);
      throw new IOException("Document inspection has shut down", e);
    }
    try {
      return parse.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new UnacceptableContentException(TOO_SLOW);
    } catch (ExecutionException e) {
      return refused(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while inspecting a document");
    } finally {
      // stop the parse (if it still runs) before the channel goes back to its owner
      source.close();
      parse.cancel(true);
    }
  }

  /**
   * Why a parse failed, as a refusal. A stack overflow (nesting deep enough to exhaust the parse
   * thread's stack) is the document's fault and ended with that thread's stack; any other error of
   * the machine is not, and goes on.
   */
  private static PdfParse.Outcome refused(Throwable cause) throws UnacceptableContentException {
    if (cause instanceof DecodeBudget.ExceededException) {
      throw new UnacceptableContentException(TOO_BIG);
    }
    if (cause instanceof VirtualMachineError error && !(error instanceof StackOverflowError)) {
      throw error;
    }
    log.debug("Refused a document that PDFBox could not parse", cause);
    return new PdfParse.Outcome(false, Set.of());
  }

  private static String notAccepted(Set<String> allowedTypes) {
    return allowedTypes.isEmpty()
        ? "No file type is accepted here."
        : "The file is not of an accepted type. Accepted types: " + list(allowedTypes) + ".";
  }

  private static String list(Set<String> types) {
    return String.join(", ", new TreeSet<>(types));
  }

  /** How many costly documents are parsed now. */
  int costlySlotsInUse() {
    return costly.inUse();
  }

  /** How many costly documents wait for a slot now. */
  int costlySlotsWaiting() {
    return costly.waiting();
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
