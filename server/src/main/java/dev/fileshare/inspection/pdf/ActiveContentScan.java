package dev.fileshare.inspection.pdf;

import dev.fileshare.inspection.ActiveContent;
import java.util.EnumSet;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Finds active content in a loaded document by looking at every object in its cross-reference table
 * (objects in object streams too) and at the dictionaries nested inside each, so an action is found
 * wherever it hides, not only where a reader would look first. References are not followed (each
 * object is looked at once, as itself), nesting is looked at to a bounded depth, and the scan stops
 * once everything it can report was found.
 */
final class ActiveContentScan {

  /** Deeper than any real document nests dictionaries and arrays inside one object. */
  private static final int MAX_DEPTH = 32;

  private static final COSName JS = COSName.getPDFName("JS");
  private static final COSName JAVA_SCRIPT = COSName.getPDFName("JavaScript");
  private static final COSName LAUNCH = COSName.getPDFName("Launch");
  private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
  private static final COSName EF = COSName.getPDFName("EF");
  private static final COSName OPEN_ACTION = COSName.getPDFName("OpenAction");
  private static final COSName AA = COSName.getPDFName("AA");
  private static final COSName GO_TO = COSName.getPDFName("GoTo");

  private ActiveContentScan() {}

  /** What the document holds; empty for a document without any. */
  static Set<ActiveContent> find(PDDocument document) {
    var found = EnumSet.noneOf(ActiveContent.class);
    var catalog = document.getDocumentCatalog().getCOSObject();
    if (catalog.getDictionaryObject(OPEN_ACTION) instanceof COSDictionary action
        && !navigatesOnly(action)) {
      found.add(ActiveContent.AUTO_ACTION);
    }
    var cos = document.getDocument();
    for (var key : cos.getXrefTable().keySet()) {
      if (found.size() == ActiveContent.values().length) {
        break;
      }
      COSObject object = cos.getObjectFromPool(key);
      visit(object.getObject(), found, 0);
    }
    visit(catalog, found, 0);
    return found;
  }

  private static void visit(COSBase value, Set<ActiveContent> found, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (value instanceof COSDictionary dictionary) {
      look(dictionary, found);
      for (var entry : dictionary.getValues()) {
        if (!(entry instanceof COSObject)) {
          visit(entry, found, depth + 1);
        }
      }
    } else if (value instanceof COSArray array) {
      for (var i = 0; i < array.size(); i++) {
        var entry = array.get(i);
        if (!(entry instanceof COSObject)) {
          visit(entry, found, depth + 1);
        }
      }
    }
  }

  private static void look(COSDictionary dictionary, Set<ActiveContent> found) {
    var subtype = dictionary.getCOSName(COSName.S);
    if (JAVA_SCRIPT.equals(subtype) || dictionary.containsKey(JS)) {
      found.add(ActiveContent.JAVASCRIPT);
    }
    if (LAUNCH.equals(subtype)) {
      found.add(ActiveContent.LAUNCH_ACTION);
    }
    if (EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE)) || dictionary.containsKey(EF)) {
      found.add(ActiveContent.EMBEDDED_FILE);
    }
    if (dictionary.getDictionaryObject(AA) instanceof COSDictionary triggers) {
      for (var trigger : triggers.keySet()) {
        if (triggers.getDictionaryObject(trigger) instanceof COSDictionary action
            && !navigatesOnly(action)) {
          found.add(ActiveContent.AUTO_ACTION);
        }
      }
    }
  }

  /**
   * Whether an action only goes to a place in the same document (what most writers put in {@code
   * /OpenAction}), with nothing chained after it: that runs by itself but does nothing a reader
   * would not do anyway.
   */
  private static boolean navigatesOnly(COSDictionary action) {
    return GO_TO.equals(action.getCOSName(COSName.S)) && !action.containsKey(COSName.NEXT);
  }
}
