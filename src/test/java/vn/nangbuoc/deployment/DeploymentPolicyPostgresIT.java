package vn.nangbuoc.deployment;

import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class DeploymentPolicyPostgresIT extends DeploymentPolicyChecks {
}
