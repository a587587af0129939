package vn.nangbuoc.engine;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class SensitiveDataStaysOutOfTheEnginePostgresIT extends SensitiveDataChecks {
}
