package vn.nangbuoc.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * Which unit a report is about and whether the user may read it: by the rule of the case list, a unit whose every
 * commune lies in the user's area (a commune's staff their commune, the city's or province's staff each of their
 * communes, auditors their area; administrators read no child's data, so no figures either).
 */
@Component
class ReportScope {

  /** A unit and its communes, ended ones included. */
  record Area(AdministrativeUnit unit, List<String> communes, List<String> unitAndAncestors) {
  }

  private final OrganisationDirectory organisation;

  ReportScope(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  Area readable(String unitCode, String userId) {
    Area area = area(unitCode);
    Set<String> mine = organisation.communesOf(userId);
    if (area.communes().isEmpty() || !mine.containsAll(area.communes())) {
      throw new ForbiddenException("Bạn không được xem số liệu của " + area.unit().displayName()
          + ": chỉ xem được số liệu của đơn vị thuộc địa bàn cơ quan mình.");
    }
    return area;
  }

  Area area(String unitCode) {
    if (unitCode == null || unitCode.isBlank()) {
      throw new InvalidInputException("Hãy chọn đơn vị hành chính (mã đơn vị, ví dụ unit=MAIPHA).");
    }
    AdministrativeUnit unit = organisation.unit(unitCode.strip().toUpperCase())
        .orElseThrow(() -> new InvalidInputException("Không có đơn vị hành chính mã \"" + unitCode.strip()
            + "\" trong danh mục."));
    List<String> chain = new ArrayList<>();
    organisation.unitAndAncestors(unit.code()).forEach(u -> chain.add(u.code()));
    return new Area(unit, List.copyOf(organisation.communesUnder(unit.code())), chain);
  }
}
