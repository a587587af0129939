package vn.nangbuoc.security;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class SecurityMatrixPostgresIT extends SecurityMatrixChecks {
}
