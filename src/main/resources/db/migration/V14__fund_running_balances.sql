-- The fund's three balances, kept on the fund's row and changed in the transaction of every ledger row.
-- They were the sums of the fund's ledger, taken under the fund's lock at every approval, disbursement
-- and settlement: a read that grew with every entry while the fund was locked (docs/performance.md).
-- The ledger stays the record: the balances are always the sums of its rows (FundingTest checks after each of its tests).
alter table fund add column balance_available bigint default 0 not null;
alter table fund add column balance_reserved bigint default 0 not null;
alter table fund add column balance_disbursed bigint default 0 not null;

update fund set
  balance_available = (select coalesce(sum(e.d_available), 0) from fund_entry e where e.fund_id = fund.id),
  balance_reserved = (select coalesce(sum(e.d_reserved), 0) from fund_entry e where e.fund_id = fund.id),
  balance_disbursed = (select coalesce(sum(e.d_disbursed), 0) from fund_entry e where e.fund_id = fund.id);
