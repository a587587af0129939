package vn.nangbuoc.unitreport;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class FrozenVersionsPostgresIT extends FrozenVersionChecks {
}
