package dev.fileshare.inspection.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.inspection.ActiveContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionNamed;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActiveContentScanTests {

  /** Writes a one-page document changed by {@code change}, and reads it back as a reader would. */
  static Set<ActiveContent> scan(Consumer<PDDocument> change, boolean compressed)
      throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var document = new PDDocument()) {
      document.addPage(new PDPage());
      change.accept(document);
      document.save(
          bytes,
          compressed
              ? org.apache.pdfbox.pdfwriter.compress.CompressParameters.DEFAULT_COMPRESSION
              : org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
    }
    try (var loaded =
        Loader.loadPDF(
            new RandomAccessReadBuffer(bytes.toByteArray()),
            IOUtils.createMemoryOnlyStreamCache())) {
      return ActiveContentScan.find(loaded);
    }
  }

  static PDActionJavaScript script() {
    return new PDActionJavaScript("app.alert('hello');");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void findsNothingInACleanDocumentWithLinksOutlinesAndAnOpeningView(boolean compressed)
      throws IOException {
    var found =
        scan(
            document -> {
              var page = document.getPage(0);
              var web = new PDAnnotationLink();
              web.setRectangle(new PDRectangle(10, 10, 100, 20));
              var uri = new PDActionURI();
              uri.setURI("https://example.org/");
              web.setAction(uri);
              var destination = new PDPageFitDestination();
              destination.setPage(page);
              var goTo = new PDActionGoTo();
              goTo.setDestination(destination);
              var internal = new PDAnnotationLink();
              internal.setRectangle(new PDRectangle(10, 40, 100, 20));
              internal.setAction(goTo);
              page.setAnnotations(List.of(web, internal));
              var outline = new PDDocumentOutline();
              var item = new PDOutlineItem();
              item.setTitle("Start");
              item.setAction(goTo);
              outline.addLast(item);
              document.getDocumentCatalog().setDocumentOutline(outline);
              document.getDocumentCatalog().setOpenAction(goTo);
            },
            compressed);
    assertThat(found).isEmpty();
  }

  @Test
  void findsNothingInADocumentThatOpensAtAPage() throws IOException {
    var found =
        scan(
            document -> {
              var destination = new PDPageFitDestination();
              destination.setPage(document.getPage(0));
              document.getDocumentCatalog().setOpenAction(destination);
            },
            false);
    assertThat(found).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void findsAJavaScriptOpenActionAsScriptThatRunsByItself(boolean compressed) throws IOException {
    var found = scan(document -> document.getDocumentCatalog().setOpenAction(script()), compressed);
    assertThat(found)
        .containsExactlyInAnyOrder(ActiveContent.JAVASCRIPT, ActiveContent.AUTO_ACTION);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void findsDocumentLevelJavaScript(boolean compressed) throws IOException {
    var found =
        scan(
            document -> {
              var scripts = new PDJavascriptNameTreeNode();
              scripts.setNames(Map.of("init", script()));
              var names = new PDDocumentNameDictionary(document.getDocumentCatalog());
              names.setJavascript(scripts);
              document.getDocumentCatalog().setNames(names);
            },
            compressed);
    assertThat(found).contains(ActiveContent.JAVASCRIPT);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void findsALinkThatLaunchesAProgram(boolean compressed) throws IOException {
    var found =
        scan(
            document -> {
              var launch = new PDActionLaunch();
              launch.getCOSObject().setString(COSName.F, "calc.exe");
              var link = new PDAnnotationLink();
              link.setRectangle(new PDRectangle(10, 10, 100, 20));
              link.setAction(launch);
              try {
                document.getPage(0).setAnnotations(List.of(link));
              } catch (RuntimeException e) {
                throw e;
              }
            },
            compressed);
    assertThat(found).containsExactly(ActiveContent.LAUNCH_ACTION);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void findsAnAttachedFile(boolean compressed) throws IOException {
    var found =
        scan(
            document -> {
              try {
                var content =
                    new PDEmbeddedFile(
                        document,
                        new java.io.ByteArrayInputStream(
                            "MZ not really a program".getBytes(StandardCharsets.US_ASCII)));
                content.setSubtype("application/octet-stream");
                var file = new PDComplexFileSpecification();
                file.setFile("tool.exe");
                file.setEmbeddedFile(content);
                var attachments = new PDEmbeddedFilesNameTreeNode();
                attachments.setNames(Map.of("tool.exe", file));
                var names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                names.setEmbeddedFiles(attachments);
                document.getDocumentCatalog().setNames(names);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            compressed);
    assertThat(found).containsExactly(ActiveContent.EMBEDDED_FILE);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void findsAnActionThatRunsWhenAPageOpens(boolean compressed) throws IOException {
    var found =
        scan(
            document -> {
              var next = new PDActionNamed();
              next.setN("NextPage");
              var actions = new PDPageAdditionalActions();
              actions.setO(next);
              document.getPage(0).setActions(actions);
            },
            compressed);
    assertThat(found).containsExactly(ActiveContent.AUTO_ACTION);
  }

  @Test
  void findsScriptThatAPageRunsWhenItOpens() throws IOException {
    var found =
        scan(
            document -> {
              var actions = new PDPageAdditionalActions();
              actions.setO(script());
              document.getPage(0).setActions(actions);
            },
            true);
    assertThat(found)
        .containsExactlyInAnyOrder(ActiveContent.JAVASCRIPT, ActiveContent.AUTO_ACTION);
  }
}
