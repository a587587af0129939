package vn.nangbuoc.casefile;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class CaseSearchTest extends CaseSearchChecks {
}
