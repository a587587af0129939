package vn.nangbuoc.fund;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * What the child protection funds' books say: the funds, their balances, requests and ledger rows.
 * Every change goes through {@link FundLedger}.
 */
@Service
public class FundBooks {

  private final FundRepository repository;
  private final OrganisationDirectory organisation;

  FundBooks(FundRepository repository, OrganisationDirectory organisation) {
    this.repository = repository;
    this.organisation = organisation;
  }

  /** The fund nearest to the child's commune: its city's or district's, else its province's. */
  public String fundServing(String communeCode) {
    for (AdministrativeUnit unit : organisation.unitAndAncestors(communeCode)) {
      var fund = repository.fundOfUnit(unit.code());
      if (fund.isPresent()) {
        return fund.get();
      }
    }
    throw new InvalidInputException("Chưa có Quỹ Bảo trợ trẻ em nào phụ trách địa bàn " + communeCode + ".");
  }

  public List<Fund> funds() {
    return repository.funds();
  }

  public Optional<Fund> fund(String id) {
    return repository.fund(id);
  }

  public Balance balance(String fundId) {
    return repository.balance(fundId);
  }

  public FundingRequest request(long id) {
    return repository.request(id).orElseThrow(() -> new NotFoundException("Không có đề nghị hỗ trợ số " + id + "."));
  }

  public List<FundingRequest> requestsOfCase(long caseId) {
    return repository.requestsOfCase(caseId);
  }

  public List<FundingRequest> requests(String fundId, RequestStatus status) {
    return repository.requestsWithStatus(fundId, status);
  }

  public List<FundingRequest> requestsOfFund(String fundId) {
    return repository.requestsOfFund(fundId);
  }

  /** Whether the fund's ledger has any row, without reading the ledger: a province's is long. */
  public boolean hasEntries(String fundId) {
    return repository.hasEntries(fundId);
  }

  public List<LedgerEntry> entries(String fundId, LocalDate from, LocalDate to) {
    return repository.entries(fundId, from, to);
  }

  /** Paid out and donated between two dates (both included), without reading the rows. */
  public PeriodTotals totals(String fundId, LocalDate from, LocalDate to) {
    return repository.totals(fundId, from, to);
  }

  /** The ledger's rows of one request (its reservation, payment, settlement…), by its index. */
  public List<LedgerEntry> entriesOfRequest(long requestId) {
    return repository.entriesOfRequest(requestId);
  }

  /** Place in line (1 = next), or 0 if the request is not waiting. */
  public int placeInLine(long requestId) {
    FundingRequest request = request(requestId);
    List<FundingRequest> line = repository.requestsWithStatus(request.fundId(), RequestStatus.WAITING);
    return line.stream().map(FundingRequest::id).toList().indexOf(requestId) + 1;
  }
}
