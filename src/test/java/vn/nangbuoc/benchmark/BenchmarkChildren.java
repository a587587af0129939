package vn.nangbuoc.benchmark;

import java.util.List;
import java.util.Random;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.system.EngineTime;

/**
 * Children for the benchmarks: names as Lạng Sơn's are, spread over the communes, each one unique
 * (a sequence number in letters ends the name, and makes the birth date and personal ID differ), so
 * no listing is refused as a duplicate.
 */
final class BenchmarkChildren {

  private static final String[] FAMILY = {"Nguyễn", "Hoàng", "Lý", "Nông", "Lương", "Vi", "Hà", "Lục", "Đinh",
      "Triệu", "Mã", "Chu", "La", "Lăng", "Dương", "Lò"};
  private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Thu", "Hải", "Ngọc", "Quang"};
  private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hạnh", "Hùng", "Lan", "Linh", "Mai",
      "Nam", "Nga", "Phúc", "Quân", "Sơn", "Thắng", "Trang", "Tuấn", "Vân", "Yến"};

  private final Random random;
  private final List<String> communes;
  private final long firstPersonalId;

  /** @param firstPersonalId personal IDs are this plus the sequence number: give each benchmark its own range */
  BenchmarkChildren(long seed, List<String> communes, long firstPersonalId) {
    this.random = new Random(seed);
    this.communes = communes;
    this.firstPersonalId = firstPersonalId;
  }

  /** Any condition: the case files of a search benchmark. */
  ChildListing child(int sequence, boolean withPersonalId) {
    ConditionGroup[] groups = ConditionGroup.values();
    return child(sequence, withPersonalId, groups[sequence % groups.length], 365 + sequence % 5000);
  }

  /** A child the eligibility table sends to surgery: cleft lip, between one and fifteen years old. */
  ChildListing surgeryCandidate(int sequence) {
    return child(sequence, true, ConditionGroup.CLEFT_LIP_PALATE, 365 + sequence % (14 * 365));
  }

  private synchronized ChildListing child(int sequence, boolean withPersonalId, ConditionGroup condition,
      int ageInDays) {
    String name = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
        + GIVEN[random.nextInt(GIVEN.length)] + " " + suffix(sequence);
    String personalId = withPersonalId ? "%012d".formatted(firstPersonalId + sequence) : null;
    // born that many days before the engine's today: the open pathways are listed under a clock set back
    return new ChildListing(name, EngineTime.today().minusDays(ageInDays), sequence % 2 == 0 ? Sex.MALE : Sex.FEMALE,
        "Tày", personalId, "Thôn Pò Mỏ", communes.get(sequence % communes.size()), condition, "Nông Thị Hạnh",
        CaregiverRelation.MOTHER, null);
  }

  /** Letters from the sequence number, so every generated name is unique and still a valid name. */
  private static String suffix(int sequence) {
    StringBuilder letters = new StringBuilder();
    int n = sequence;
    do {
      letters.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return "Bé" + letters;
  }
}
