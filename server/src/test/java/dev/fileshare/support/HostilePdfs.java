package dev.fileshare.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;

/**
 * Malformed and hostile PDF documents, written byte by byte: what an attacker (or a broken writer)
 * sends to make a reader loop, recurse, allocate or scan without end. Each starts with {@code
 * %PDF-} and ends with {@code %%EOF}, so it gets past the cheap checks and reaches the parser.
 */
public final class HostilePdfs {

  private HostilePdfs() {}

  /** Every kind, by a name that says what it is. */
  public static Map<String, byte[]> corpus() {
    var corpus = new LinkedHashMap<String, byte[]>();
    corpus.put("deep-arrays.pdf", deepNesting(100_000, "[", "]"));
    corpus.put("deep-dictionaries.pdf", deepNesting(50_000, "<< /A ", " >>"));
    corpus.put("huge-object-stream.pdf", hugeObjectStream(300_000));
    corpus.put("decompression-bomb.pdf", decompressionBomb(2L << 30));
    corpus.put("bomb-in-xref-stream.pdf", bombInCrossReferenceStream(2L << 30));
    corpus.put("broken-xref.pdf", brokenCrossReferences());
    corpus.put("missing-xref.pdf", withoutCrossReferences(0, 1));
    corpus.put("cyclic-page-tree.pdf", cyclicPageTree());
    corpus.put("endless-page-tree.pdf", endlessPageTree(100_000));
    corpus.put("no-xref-2mb.pdf", withoutCrossReferences(2 << 20, 1));
    return corpus;
  }

  /**
   * A one-page document that runs JavaScript when it opens and carries an attached program (active
   * content: {@code javascript}, {@code embedded_file}, {@code auto_action}); {@code seed} varies
   * the bytes.
   */
  public static byte[] withActiveContent(long seed) {
    var program = ("MZ not really a program " + seed).getBytes(StandardCharsets.US_ASCII);
    return new Writer()
            .object(
                "<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R"
                    + " /Names << /EmbeddedFiles << /Names [(setup.exe) 5 0 R] >> >> >>")
            .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
            .object("<< /S /JavaScript /JS (app.alert\\(" + seed + "\\);) >>")
            .object("<< /Type /Filespec /F (setup.exe) /EF << /F 6 0 R >> >>")
            .stream("/Type /EmbeddedFile", program)
            .finish(true);
  }

  /** A page whose dictionary holds {@code depth} nested arrays or dictionaries. */
  public static byte[] deepNesting(int depth, String open, String close) {
    var nested = open.repeat(depth) + "0" + close.repeat(depth);
    return new Writer()
        .object("<< /Type /Catalog /Pages 2 0 R >>")
        .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Nested " + nested + " >>")
        .finish(true);
  }

  /**
   * A document without a cross-reference table (so the reader scans it all) with an object stream
   * of {@code objects} objects, each a dictionary that refers to the next.
   */
  public static byte[] hugeObjectStream(int objects) {
    var header = new StringBuilder();
    var body = new StringBuilder();
    for (var i = 0; i < objects; i++) {
      header.append(10 + i).append(' ').append(body.length()).append(' ');
      body.append("<< /Next ").append(11 + i).append(" 0 R /Kids [1 2 3] >>\n");
    }
    var content = (header.toString() + body).getBytes(StandardCharsets.US_ASCII);
    var dictionary =
        "/Type /ObjStm /N " + objects + " /First " + header.length() + " /Filter /FlateDecode";
    return new Writer()
            .object("<< /Type /Catalog /Pages 2 0 R >>")
            .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Extra 10 0 R >>")
            .stream(dictionary, deflate(content))
            .finish(false);
  }

  /**
   * A document whose page tree root lives in an object stream of about {@code inflated} / 1000
   * bytes of Flate data that inflates to {@code inflated} bytes of zeros: reading the page count
   * means decoding it. (PDFBox decodes a filter named twice only once, so the bomb cannot be
   * deflated twice to make it smaller.)
   */
  public static byte[] decompressionBomb(long inflated) {
    var writer =
        new Writer()
                .object("<< /Type /Catalog /Pages 2 0 R >>")
                .skip()
                .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
                .stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", zeros(inflated));
    var rows = new ByteArrayOutputStream();
    var offsets = writer.offsets;
    row(rows, 0, 0, 65535);
    row(rows, 1, offsets.get(0), 0);
    row(rows, 2, 4, 0); // object 2 is the first in object stream 4
    row(rows, 1, offsets.get(2), 0);
    row(rows, 1, offsets.get(3), 0);
    row(rows, 1, writer.size(), 0);
    var at = writer.size();
    writer.stream("/Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R", rows.toByteArray());
    return writer.tail("startxref\n" + at + "\n%%EOF\n");
  }

  private static void row(ByteArrayOutputStream rows, int type, long field, int generation) {
    rows.write(type);
    for (var shift = 24; shift >= 0; shift -= 8) {
      rows.write((int) (field >>> shift) & 0xff);
    }
    rows.write(generation >>> 8 & 0xff);
    rows.write(generation & 0xff);
  }

  /** A document whose {@code startxref} points at a cross-reference stream that is a bomb. */
  public static byte[] bombInCrossReferenceStream(long inflated) {
    var writer =
        new Writer()
            .object("<< /Type /Catalog /Pages 2 0 R >>")
            .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
    var at = writer.size();
    writer.stream(
        "/Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode", zeros(inflated));
    return writer.tail("startxref\n" + at + "\n%%EOF\n");
  }

  /** A table whose offsets point into the middle of nowhere, and a {@code startxref} past it. */
  public static byte[] brokenCrossReferences() {
    var writer =
        new Writer()
            .object("<< /Type /Catalog /Pages 2 0 R >>")
            .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
    var table =
        "xref\n0 4\n0000000000 65535 f \n0000099999 00000 n \n0000000003 00000 n \n"
            + "9999999999 00000 n \ntrailer\n<< /Size 4 /Root 1 0 R /Prev 77777 >>\n"
            + "startxref\n123456789\n%%EOF\n";
    return writer.tail(table);
  }

  /** A page tree whose node lists itself among its kids, and claims a billion pages. */
  public static byte[] cyclicPageTree() {
    return new Writer()
        .object("<< /Type /Catalog /Pages 2 0 R >>")
        .object("<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 1000000000 >>")
        .object("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1000000000 >>")
        .finish(true);
  }

  /** A chain of {@code depth} page tree nodes, each the only kid of the one before. */
  public static byte[] endlessPageTree(int depth) {
    var writer = new Writer().object("<< /Type /Catalog /Pages 2 0 R >>");
    for (var i = 0; i < depth; i++) {
      var number = 2 + i;
      writer.object(
          "<< /Type /Pages /Kids ["
              + (number + 1)
              + " 0 R] /Count 1 /Parent "
              + number
              + " 0 R >>");
    }
    writer.object("<< /Type /Page /Parent " + (depth + 1) + " 0 R /MediaBox [0 0 612 792] >>");
    return writer.finish(true);
  }

  /**
   * A well-formed document of about {@code size} bytes (one page and a stream of random bytes), and
   * the same without its cross-reference table (read by a full scan); {@code seed} varies the
   * bytes.
   */
  public static byte[] wellFormed(int size, long seed) {
    return padded(size, seed).finish(true);
  }

  /** As {@link #wellFormed}, without {@code xref}, {@code trailer} and {@code startxref}. */
  public static byte[] withoutCrossReferences(int size, long seed) {
    return padded(size, seed).finish(false);
  }

  private static Writer padded(int size, long seed) {
    var random = new byte[Math.max(1, size - 400)];
    new Random(seed).nextBytes(random);
    return new Writer()
            .object("<< /Type /Catalog /Pages 2 0 R >>")
            .object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
            .object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
            .stream("", random);
  }

  private static byte[] deflate(byte[] content) {
    var deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(content);
    deflater.finish();
    var out = new ByteArrayOutputStream();
    var buffer = new byte[64 * 1024];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  /**
   * A zlib stream of {@code length} zeros, made without deflating them all: once the window is full
   * of zeros, every further MiB (flushed on a byte boundary) compresses to the same bytes.
   */
  private static byte[] zeros(long length) {
    var mib = 1 << 20;
    var deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    var input = new byte[mib];
    var first = flushed(deflater, input);
    var steady = flushed(deflater, input);
    deflater.setInput(new byte[0]);
    deflater.finish();
    var last = new byte[64];
    var lastLength = deflater.deflate(last);
    deflater.end();
    var out = new ByteArrayOutputStream();
    out.write(0x78);
    out.write(0xda);
    out.writeBytes(first);
    for (long i = 1; i < length / mib; i++) {
      out.writeBytes(steady);
    }
    out.write(last, 0, lastLength);
    var adler = ((length % 65521) << 16) | 1;
    for (var shift = 24; shift >= 0; shift -= 8) {
      out.write((int) (adler >>> shift) & 0xff);
    }
    return out.toByteArray();
  }

  private static byte[] flushed(Deflater deflater, byte[] input) {
    deflater.setInput(input);
    var out = new ByteArrayOutputStream();
    var buffer = new byte[64 * 1024];
    int n;
    while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Writes numbered objects from 1 and, if asked, their cross-reference table. */
  private static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final List<Integer> offsets = new ArrayList<>();

    Writer() {
      write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    }

    int size() {
      return out.size();
    }

    /** Leaves a number unused here (an object written elsewhere, in an object stream). */
    Writer skip() {
      offsets.add(-1);
      return this;
    }

    Writer object(String body) {
      offsets.add(out.size());
      write(offsets.size() + " 0 obj\n" + body + "\nendobj\n");
      return this;
    }

    Writer stream(String dictionary, byte[] content) {
      offsets.add(out.size());
      write(offsets.size() + " 0 obj\n<< " + dictionary + " /Length " + content.length + " >>\n");
      write("stream\n");
      out.writeBytes(content);
      write("\nendstream\nendobj\n");
      return this;
    }

    byte[] finish(boolean table) {
      if (!table) {
        return tail("%%EOF\n");
      }
      var at = out.size();
      var xref = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
      for (var offset : offsets) {
        xref.append(String.format("%010d 00000 n \n", offset));
      }
      xref.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root 1 0 R >>\n");
      return tail(xref + "startxref\n" + at + "\n%%EOF\n");
    }

    byte[] tail(String text) {
      write(text);
      return out.toByteArray();
    }

    private void write(String text) {
      try {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
