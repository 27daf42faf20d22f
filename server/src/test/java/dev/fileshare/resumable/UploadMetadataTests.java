package dev.fileshare.resumable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.files.Visibility;
import dev.fileshare.shared.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadMetadataTests {

  @Test
  void readsTheNameAndVisibilityAndKeepsTheRest() {
    var metadata =
        UploadMetadata.parse("filename cmVwb3J0LnBkZg==,visibility cHJpdmF0ZQ==,is_confidential");
    assertThat(metadata.filename()).isEqualTo("report.pdf");
    assertThat(metadata.visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(metadata.header()).endsWith(",is_confidential");
  }

  @Test
  void takesNameWhenThereIsNoFilenameAndUtf8Names() {
    var metadata = UploadMetadata.parse("name w6lsw6lwaGUucGRm");
    assertThat(metadata.filename()).isEqualTo("\u00e9l\u00e9phe.pdf");
    assertThat(metadata.visibility()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "visibility dXNlcnM=",
        "filename !!!",
        "filename YQ==,filename Yg==",
        "filename YQ== extra",
        " ,filename YQ==",
        "f\u00e9 YQ==,filename YQ==",
        "filename /w==",
        "filename YQ==,visibility YWxs"
      })
  void refusesWhatIsNotWellFormed(String header) {
    assertThatThrownBy(() -> UploadMetadata.parse(header))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(400));
  }
}
