package vn.nangbuoc.unitreport;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class ConsolidationTest extends ConsolidationChecks {
}
