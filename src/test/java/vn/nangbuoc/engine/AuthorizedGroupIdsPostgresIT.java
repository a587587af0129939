package vn.nangbuoc.engine;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class AuthorizedGroupIdsPostgresIT extends AuthorizedGroupIdsChecks {
}
