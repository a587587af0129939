package vn.nangbuoc.unitreport;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class FrozenVersionsTest extends FrozenVersionChecks {
}
