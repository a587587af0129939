package vn.nangbuoc.pathway;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class SurgeryPathOverRestPostgresIT extends SurgeryPathOverRestChecks {
}
