package vn.nangbuoc.security;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class CaseMoveTest extends CaseMoveChecks {
}
