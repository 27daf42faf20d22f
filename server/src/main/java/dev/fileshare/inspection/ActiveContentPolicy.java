package dev.fileshare.inspection;

/**
 * What happens to a document with active content ({@link ActiveContent}), set by {@code
 * fileshare.inspection.active-content}.
 */
public enum ActiveContentPolicy {
  /** Refused at upload, with a problem that names what was found. */
  REJECT,
  /** Stored, and marked in the file's JSON and on the page; the viewer never runs it. */
  FLAG,
  /** Stored and not marked. */
  ALLOW
}
