package vn.nangbuoc.pathway;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class SurgeryPathOverRestTest extends SurgeryPathOverRestChecks {
}
