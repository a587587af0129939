package vn.nangbuoc.fund;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.Agency;
import vn.nangbuoc.organisation.Capability;
import vn.nangbuoc.organisation.OrganisationDirectory;

/** Every agency the organisation data calls a fund (HOLD_FUND) keeps its books here (added at start-up). */
@Component
@Order(15)
public class FundRegistry implements ApplicationRunner {

  private final OrganisationDirectory organisation;
  private final FundRepository repository;

  FundRegistry(OrganisationDirectory organisation, FundRepository repository) {
    this.organisation = organisation;
    this.repository = repository;
  }

  @Override
  public void run(ApplicationArguments args) {
    registerFunds();
  }

  /** Gives books to every fund of the organisation data that has none yet (again after a reorganisation). */
  public void registerFunds() {
    for (Agency fund : organisation.agenciesWith(Capability.HOLD_FUND)) {
      repository.upsertFund(fund.id(), fund.name(), fund.unitCode());
    }
  }
}
