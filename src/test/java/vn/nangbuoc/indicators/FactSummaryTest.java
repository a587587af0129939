package vn.nangbuoc.indicators;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class FactSummaryTest extends FactSummaryChecks {
}
