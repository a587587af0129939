package vn.nangbuoc.erasure;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class ErasurePostgresIT extends ErasureChecks {
}
