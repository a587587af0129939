package vn.nangbuoc.casefile;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class HeldElsewhereChannelsTest extends HeldElsewhereChannelsChecks {
}
