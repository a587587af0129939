package vn.nangbuoc.casefile;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class HeldElsewhereChannelsPostgresIT extends HeldElsewhereChannelsChecks {
}
