package vn.nangbuoc.deployment;

import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class DeploymentPolicyTest extends DeploymentPolicyChecks {
}
