package vn.nangbuoc.security;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class CaseMovePostgresIT extends CaseMoveChecks {
}
