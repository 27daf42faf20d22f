package dev.fileshare.documents;

import dev.fileshare.files.FileDetail;
import dev.fileshare.platform.FileShareSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The {@code preview} member of a file's JSON: where its first page's picture is and in which
 * widths, once a preview of its current content has been rendered.
 */
@Component
class PreviewDetail implements FileDetail {

  /**
   * The member.
   *
   * @param url the picture's address ({@code GET}, {@code ?width=} one of the widths)
   * @param widths the widths rendered, in pixels, narrowest first
   */
  record Preview(String url, List<Integer> widths) {}

  private final PreviewRows rows;
  private final FileShareSettings settings;

  PreviewDetail(PreviewRows rows, FileShareSettings settings) {
    this.rows = rows;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "preview";
  }

  @Override
  public Map<Long, Object> valuesFor(List<Long> fileIds) {
    var values = new LinkedHashMap<Long, Object>();
    rows.currentWidths(fileIds)
        .forEach(
            (id, widths) ->
                values.put(
                    id,
                    new Preview(
                        settings.link("/api/files/" + id + "/preview/"), List.copyOf(widths))));
    return values;
  }

  @Override
  public Class<?> type() {
    return Preview.class;
  }
}
