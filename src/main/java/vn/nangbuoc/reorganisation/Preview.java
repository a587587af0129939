package vn.nangbuoc.reorganisation;

import java.time.LocalDate;
import java.util.List;

/**
 * What applying a change set would do, said before anything changes; the problems block it. Names are
 * shown with their codes so that an administrator can find them in the file.
 */
record Preview(String name, LocalDate effective, boolean applicableNow, List<Named> unitsEnding,
    List<Named> unitsStarting, List<AgencyEnding> agenciesEnding, List<Named> agenciesStarting,
    List<CaseMove> cases, List<GroupWork> openTasks, List<GroupAccess> readRights, List<GroupAccess> rightsRevoked,
    List<PersonWork> peopleLosingWork, List<PersonWork> peopleGainingWork, List<FundMove> funds,
    List<String> problems) {

  record Named(String code, String name) {
  }

  record AgencyEnding(String id, String name, List<String> successors) {
  }

  /** @param openCases cases still running; closedCases closed ones, whose history moves too */
  record CaseMove(String from, String to, int openCases, int closedCases) {
  }

  /** @param members how many people are in the group: none is a problem when it gets tasks */
  record GroupWork(String group, String agency, int tasks, int members) {
  }

  record GroupAccess(String group, int count) {
  }

  record PersonWork(String user, List<String> groups, boolean losesAllWork) {
  }

  record FundMove(String fromFund, String toFund, long available, long reserved) {
  }
}
