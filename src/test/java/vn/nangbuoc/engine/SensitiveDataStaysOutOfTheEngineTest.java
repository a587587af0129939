package vn.nangbuoc.engine;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class SensitiveDataStaysOutOfTheEngineTest extends SensitiveDataChecks {
}
