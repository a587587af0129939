package vn.nangbuoc.indicators;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class IndicatorsTest extends IndicatorChecks {
}
