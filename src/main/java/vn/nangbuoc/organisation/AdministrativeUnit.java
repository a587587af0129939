package vn.nangbuoc.organisation;

/**
 * A province, a city/district, or a ward/commune/township.
 *
 * @param unitType what the unit calls itself ("Phường", "Xã", "Thành phố"), shown before its name
 */
public record AdministrativeUnit(String code, String name, String unitType, UnitLevel level, String parentCode) {

  public String displayName() {
    return unitType + " " + name;
  }
}
