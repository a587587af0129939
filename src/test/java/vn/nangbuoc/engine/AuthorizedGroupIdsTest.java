package vn.nangbuoc.engine;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class AuthorizedGroupIdsTest extends AuthorizedGroupIdsChecks {
}
