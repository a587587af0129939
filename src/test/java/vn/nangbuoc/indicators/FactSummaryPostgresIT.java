package vn.nangbuoc.indicators;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class FactSummaryPostgresIT extends FactSummaryChecks {
}
