package dev.fileshare.files;

import org.springframework.stereotype.Component;

/**
 * Where the module that adds a {@link FileDetail} says that its value for a file changed (a
 * document read in the background, a preview drawn). Lists keep each file's view with its details
 * until the file or its details change, on every node, so a change not recorded here is not seen in
 * lists. Record it after the change is committed (or in its transaction): a list that reads the new
 * count then reads the new value.
 */
@Component
public class DetailChangeRecorder {

  private final FileRows rows;

  DetailChangeRecorder(FileRows rows) {
    this.rows = rows;
  }

  /** The details of the file changed; nothing happens if the file is gone. */
  public void changed(long fileId) {
    rows.detailsChanged(fileId);
  }
}
