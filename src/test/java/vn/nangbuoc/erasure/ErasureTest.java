package vn.nangbuoc.erasure;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class ErasureTest extends ErasureChecks {
}
