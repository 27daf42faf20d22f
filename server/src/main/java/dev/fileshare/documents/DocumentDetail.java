package dev.fileshare.documents;

import dev.fileshare.files.FileDetail;
import dev.fileshare.inspection.DocumentInspector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Adds {@code document} to the JSON of every file that has a documents row: the state of its text
 * and its facts, looked up with one query by primary key for each batch of files.
 */
@Component
class DocumentDetail implements FileDetail {

  static final String NAME = "document";

  private final DocumentRows rows;
  private final DocumentInspector inspector;

  DocumentDetail(DocumentRows rows, DocumentInspector inspector) {
    this.rows = rows;
    this.inspector = inspector;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<Long, Object> valuesFor(List<Long> fileIds) {
    var policy = inspector.activeContentPolicy();
    var values = new HashMap<Long, Object>();
    rows.shown(fileIds).forEach((id, row) -> values.put(id, DocumentAnswer.of(row, policy)));
    return values;
  }

  @Override
  public Class<?> type() {
    return DocumentAnswer.class;
  }
}
