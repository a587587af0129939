package vn.nangbuoc.deployment;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Names the place of a problem for the person who deploys: the element and its nearest id. */
final class Where {

  private Where() {
  }

  static String of(Element element) {
    String id = element.getAttribute("id");
    if (!id.isEmpty()) {
      return id;
    }
    for (Node parent = element.getParentNode(); parent instanceof Element owner; parent = owner.getParentNode()) {
      if (!owner.getAttribute("id").isEmpty()) {
        return element.getLocalName() + " trong " + owner.getAttribute("id");
      }
    }
    return element.getLocalName();
  }
}
