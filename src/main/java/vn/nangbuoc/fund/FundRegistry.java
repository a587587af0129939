package vn.nangbuoc.fund;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.Agency;
import vn.nangbuoc.organisation.OrganisationDirectory;

/** Every child protection fund of the organisation data keeps its books here (added at start-up). */
@Component
@Order(15)
class FundRegistry implements ApplicationRunner {

  static final String FUND_AGENCY_KIND = "CHILD_PROTECTION_FUND";

  private final OrganisationDirectory organisation;
  private final FundRepository repository;

  FundRegistry(OrganisationDirectory organisation, FundRepository repository) {
    this.organisation = organisation;
    this.repository = repository;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Agency fund : organisation.agencies(FUND_AGENCY_KIND)) {
      repository.upsertFund(fund.id(), fund.name(), fund.unitCode());
    }
  }
}
