package vn.nangbuoc.indicators;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class IndicatorsPostgresIT extends IndicatorChecks {
}
