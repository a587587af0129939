package vn.nangbuoc.security;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class LoginLockoutTest extends LoginLockoutChecks {
}
