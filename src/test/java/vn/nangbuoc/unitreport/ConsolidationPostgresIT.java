package vn.nangbuoc.unitreport;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class ConsolidationPostgresIT extends ConsolidationChecks {
}
