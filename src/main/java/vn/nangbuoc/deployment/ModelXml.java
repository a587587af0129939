package vn.nangbuoc.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** A model file read as XML the way the engine reads it, minus what could change what it reads. */
final class ModelXml {

  private ModelXml() {
  }

  /**
   * The document, or null when it is not well-formed XML. A DOCTYPE is refused (the engine refuses
   * it too), so no entity can make this reader and the engine's see different text.
   */
  static Document parse(byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      return null;
    }
  }

  /** Every element of the document, the root first. */
  static List<Element> elements(Document document) {
    List<Element> all = new ArrayList<>();
    collect(document.getDocumentElement(), all);
    return all;
  }

  /** The element's own text (text and CDATA children joined), as the engine reads an expression. */
  static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  private static void collect(Element element, List<Element> all) {
    all.add(element);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collect(childElement, all);
      }
    }
  }
}
