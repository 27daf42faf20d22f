package dev.fileshare.files;

import dev.fileshare.shared.ApiException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A place in a trash listing, which goes from the newest deleted file back: just after the file
 * {@code id} that went to the trash at {@code deletedAt} (milliseconds). Written {@code
 * <deletedAt>_<id>} in {@code ?before=}; clients follow the {@code Link} header rather than make
 * one. Both parts are needed: many files may go to the trash in the same millisecond.
 */
public record TrashCursor(long deletedAt, long id) {

  /** Before every file: the first page. */
  public static final TrashCursor START = new TrashCursor(Long.MAX_VALUE, Long.MAX_VALUE);

  private static final Pattern FORM = Pattern.compile("[0-9]{1,18}_[0-9]{1,18}");

  /** The cursor in {@code ?before=}; absent: the first page; anything malformed: 400. */
  public static TrashCursor parse(@Nullable String text) {
    if (text == null) {
      return START;
    }
    if (!FORM.matcher(text).matches()) {
      throw ApiException.invalid(
          "before", "before must be the cursor of the Link header of the previous page.");
    }
    var split = text.indexOf('_');
    return new TrashCursor(
        Long.parseLong(text.substring(0, split)), Long.parseLong(text.substring(split + 1)));
  }

  /** The cursor after this file of a listing. */
  public static TrashCursor after(TrashedFile file) {
    return new TrashCursor(file.deleted().toEpochMilli(), file.file().id());
  }

  /** As written in {@code ?before=}. */
  public String text() {
    return deletedAt + "_" + id;
  }
}
