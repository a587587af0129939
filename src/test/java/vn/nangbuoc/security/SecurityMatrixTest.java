package vn.nangbuoc.security;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class SecurityMatrixTest extends SecurityMatrixChecks {
}
