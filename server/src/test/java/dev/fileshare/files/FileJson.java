package dev.fileshare.files;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A file's JSON as the tests compare it. */
final class FileJson {

  /** Members other modules fill in the background, which change between two looks at a file. */
  private static final String[] BACKGROUND = {"document", "preview"};

  private FileJson() {}

  /** The file's JSON without the members that change in the background. */
  static JsonNode settled(JsonNode file) {
    var copy = (ObjectNode) file.deepCopy();
    for (var member : BACKGROUND) {
      copy.remove(member);
    }
    return copy;
  }
}
