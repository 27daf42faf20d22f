package dev.fileshare.documents;

import dev.fileshare.files.DetailChangeRecorder;
import dev.fileshare.storage.BlobStoreRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Does for a test what the background job does for a stored file: renders its previews from its
 * current content, or indexes the text of its pages, at once.
 */
public final class PreviewFixture {

  private PreviewFixture() {}

  /**
   * Renders the file's previews from its current content, as the job's preview step would, and
   * records the change of the file's details as the job does. Where the job runs, it is let finish
   * first (the step then finds the previews made and stops).
   */
  public static void render(ApplicationContext context, long fileId) {
    if (!"0".equals(context.getEnvironment().getProperty("fileshare.documents.workers"))) {
      awaitRead(context, fileId);
    }
    var file =
        context
            .getBean(JdbcClient.class)
            .sql("SELECT store, blob_key, sha256 FROM files WHERE id = ?")
            .params(fileId)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .single();
    var store = context.getBean(BlobStoreRegistry.class).get(file[0]);
    try {
      context.getBean(PreviewStep.class).run(fileId, file[2], () -> store.open(file[1]));
      context.getBean(DetailChangeRecorder.class).changed(fileId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Puts the text of the file's pages (the first page first) in the search index, once the
   * background job has read the file, so that the job does not put the file's own text back.
   */
  public static void index(ApplicationContext context, long fileId, String... pages) {
    if (!"0".equals(context.getEnvironment().getProperty("fileshare.documents.workers"))) {
      awaitRead(context, fileId);
    }
    var rows = context.getBean(PageRows.class);
    rows.clear(fileId);
    for (var i = 0; i < pages.length; i++) {
      rows.add(fileId, i + 1, pages[i]);
    }
  }

  /**
   * Waits until the background job has read the file's current content and let go of it: its text
   * no longer pending and no worker holding it (the preview step runs after the text's).
   */
  public static void awaitRead(ApplicationContext context, long fileId) {
    var jdbc = context.getBean(JdbcClient.class);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql("SELECT state FROM documents WHERE file_id = ? AND claimed_by IS NULL")
                    .param(fileId)
                    .query(String.class)
                    .optional()
                    .filter(state -> !state.equals("pending"))
                    .isPresent());
  }
}
