package dev.fileshare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG of a QR code reads back as the text it was made from. */
class QrCodeTests {

  private static final int MARGIN = 4;

  @Test
  void theSvgReadsBackAsTheUri() throws Exception {
    var uri =
        "otpauth://totp/FileShare%3Aalice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
            + "&issuer=FileShare&algorithm=SHA1&digits=6&period=30";
    var url = QrCode.svgDataUrl(uri);
    assertThat(url).startsWith("data:image/svg+xml;base64,");
    var svg =
        new String(
            Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)),
            StandardCharsets.UTF_8);
    var size = Pattern.compile("viewBox=\"0 0 (\\d+) ").matcher(svg);
    assertThat(size.find()).isTrue();
    var modules = Integer.parseInt(size.group(1)) - 2 * MARGIN;
    var matrix = new BitMatrix(modules);
    var squares = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
    while (squares.find()) {
      matrix.set(
          Integer.parseInt(squares.group(1)) - MARGIN, Integer.parseInt(squares.group(2)) - MARGIN);
    }
    assertThat(new Decoder().decode(matrix).getText()).isEqualTo(uri);
  }
}
