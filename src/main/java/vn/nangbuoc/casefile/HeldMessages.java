package vn.nangbuoc.casefile;

import org.springframework.stereotype.Component;

/**
 * What the lister of a held listing is told ({@link HeldListings}): it was received and is verified by
 * the agency that coordinates the <em>lister's</em> commune. Naming the matching case's area, or its
 * office, would tell the lister where the child is already in the programme.
 */
@Component
public class HeldMessages {

  private final CaseCoordinator coordinator;

  HeldMessages(CaseCoordinator coordinator) {
    this.coordinator = coordinator;
  }

  /** A listing (over the API, from Tasklist's start form): no case file is opened. */
  public String received(String listerCommune) {
    return "Đã nhận danh sách: " + coordinator.nameFor(listerCommune) + " xác minh trước khi lập hồ sơ.";
  }

  /** An edit held: nothing of it is saved, so that saving again after the verification is a decision. */
  public String editHeld(String listerCommune) {
    return "Đã nhận số định danh cá nhân: " + coordinator.nameFor(listerCommune) + " xác minh trước khi ghi vào"
        + " hồ sơ. Chưa lưu thay đổi nào.";
  }

  /** A row of an imported list: the same whatever the reason the office checks it. */
  public String importedRow(String listerCommune) {
    return "Đã nhận: " + coordinator.nameFor(listerCommune) + " xác minh trước khi lập hồ sơ.";
  }
}
