package vn.nangbuoc.casefile;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class CaseSearchPostgresIT extends CaseSearchChecks {
}
