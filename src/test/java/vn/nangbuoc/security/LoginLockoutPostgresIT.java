package vn.nangbuoc.security;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class LoginLockoutPostgresIT extends LoginLockoutChecks {
}
