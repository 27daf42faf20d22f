package dev.fileshare.files;

import java.util.List;
import java.util.Map;

/**
 * What another module adds to a file's JSON: one member, written after the file's own, such as what
 * is inside the document. The module that owns the member owns its shape and keeps it fresh; the
 * files module only asks, once for each batch of files it answers with.
 */
public interface FileDetail {

  /** The member's name in the file's JSON. */
  String name();

  /**
   * The member's values for these files, as records written as JSON; a file without a value is left
   * out of the map, and its JSON has no such member.
   */
  Map<Long, Object> valuesFor(List<Long> fileIds);

  /** The class of its values, for the API's documentation. */
  Class<?> type();
}
