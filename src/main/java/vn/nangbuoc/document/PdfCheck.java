package vn.nangbuoc.document;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.nangbuoc.input.InvalidInputException;

/**
 * A PDF checked by its structure, as a viewer would read it (Apache PDFBox): names are compared
 * after their #xx escapes are decoded, objects inside compressed object streams are read like the
 * others. Every object the cross-reference lists is visited, so an action is found wherever it hangs
 * (open action, document, page, annotation and field actions, links, bookmarks, names trees). Refused:
 * any action that runs or opens something (only moving inside the document and showing or hiding
 * parts of it are kept), script anywhere, embedded or attached files, scripted forms and media.
 */
final class PdfCheck {

  /** Actions that only move inside the document or show and hide parts of it. */
  private static final Set<String> HARMLESS_ACTIONS = Set.of("GoTo", "Thread", "Hide", "ResetForm", "SetOCGState",
      "Trans");
  /** Action types refused wherever a dictionary names them, whether or not it hangs where actions hang. */
  private static final Set<String> ACTIVE_ACTIONS = Set.of("JavaScript", "ECMAScript", "Launch", "URI", "SubmitForm",
      "ImportData", "GoToR", "GoToE", "GoToDp", "Named", "Rendition", "Movie", "Sound", "RichMediaExecute",
      "GoTo3DView");
  /** Keys whose value is an action, or a dictionary or array of actions. */
  private static final Set<String> ACTION_KEYS = Set.of("A", "OpenAction", "Next", "PA");
  /** Keys that carry script, files or scripted forms, whatever their value. */
  private static final Set<String> ACTIVE_KEYS = Set.of("JS", "JavaScript", "EmbeddedFiles", "EF", "RF", "XFA",
      "AF");
  private static final Set<String> ACTIVE_SUBTYPES = Set.of("FileAttachment", "RichMedia", "3D", "Screen", "Movie",
      "Sound");

  private PdfCheck() {
  }

  static void check(byte[] content) {
    BoundedPdfParser parser;
    try {
      parser = new BoundedPdfParser(content);
    } catch (IOException e) {
      throw unreadable();
    }
    try (PDDocument document = parser.parse(false)) {
      if (document.isEncrypted()) {
        throw encrypted();
      }
      COSDocument objects = document.getDocument();
      visit(objects.getTrailer());
      for (COSObjectKey key : Set.copyOf(objects.getXrefTable().keySet())) {
        visit(objects.getObjectFromPool(key).getObject());
      }
    } catch (InvalidPasswordException e) {
      throw encrypted();
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException refused && parser.failure() == null) {
        throw refused;
      }
      throw failed(parser);
    }
    if (parser.failure() != null) {
      throw failed(parser);
    }
  }

  private static InvalidInputException failed(BoundedPdfParser parser) {
    if (parser.failure() instanceof BoundedPdfParser.Encrypted) {
      return encrypted();
    }
    if (parser.failure() instanceof BoundedPdfParser.TooLarge) {
      return new InvalidInputException("Tệp PDF khi giải nén lớn hơn " + BoundedPdfParser.MAX_STRUCTURE / (1024 * 1024)
          + " MB cấu trúc, bất thường cho một tài liệu: " + REPRINT);
    }
    return unreadable();
  }

  private static InvalidInputException unreadable() {
    return new InvalidInputException("Không đọc được tệp PDF: tệp bị hỏng hoặc không đúng chuẩn: " + REPRINT);
  }

  private static final String REPRINT = "hãy in ra PDF thường (Microsoft Print to PDF) hoặc chụp ảnh tài liệu.";

  private static InvalidInputException encrypted() {
    return new InvalidInputException("Tệp PDF có mật khẩu hoặc được mã hoá nên không kiểm tra được: " + REPRINT);
  }

  private static InvalidInputException active() {
    return new InvalidInputException("Tệp PDF có chứa mã tự chạy, lệnh mở chương trình hoặc trang web, hoặc tệp"
        + " đính kèm, không an toàn để lưu: " + REPRINT);
  }

  /** An object and what it holds directly; what it references is visited as an object of its own. */
  private static void visit(COSBase object) {
    if (object instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        COSBase element = array.get(i);
        if (!(element instanceof COSObject)) {
          visit(element);
        }
      }
    } else if (object instanceof COSDictionary dictionary) {
      check(dictionary);
      for (COSBase value : dictionary.getValues()) {
        if (!(value instanceof COSObject)) {
          visit(value);
        }
      }
    }
  }

  private static void check(COSDictionary dictionary) {
    for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
      String key = entry.getKey().getName();
      if (ACTIVE_KEYS.contains(key)) {
        throw active();
      }
      if (ACTION_KEYS.contains(key)) {
        actions(resolve(entry.getValue()));
      } else if (key.equals("AA") && resolve(entry.getValue()) instanceof COSDictionary triggers) {
        for (COSBase action : triggers.getValues()) {
          actions(resolve(action));
        }
      }
    }
    if (name(dictionary, "S") != null && ACTIVE_ACTIONS.contains(name(dictionary, "S"))
        || "Action".equals(name(dictionary, "Type")) && !harmless(dictionary)
        || "EmbeddedFile".equals(name(dictionary, "Type"))
        || ACTIVE_SUBTYPES.contains(String.valueOf(name(dictionary, "Subtype")))) {
      throw active();
    }
  }

  /** The value of an action key: an action, or (for Next) an array of them; a destination array is no action. */
  private static void actions(COSBase value) {
    if (value instanceof COSDictionary action && action.containsKey(COSName.S) && !harmless(action)) {
      throw active();
    }
    if (value instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (resolve(array.get(i)) instanceof COSDictionary action && action.containsKey(COSName.S)
            && !harmless(action)) {
          throw active();
        }
      }
    }
  }

  private static boolean harmless(COSDictionary action) {
    String type = name(action, "S");
    return type != null && HARMLESS_ACTIONS.contains(type) && !action.containsKey(COSName.F);
  }

  private static String name(COSDictionary dictionary, String key) {
    return resolve(dictionary.getItem(key)) instanceof COSName name ? name.getName() : null;
  }

  private static COSBase resolve(COSBase value) {
    return value instanceof COSObject reference ? reference.getObject() : value;
  }
}
