package vn.nangbuoc.deployment;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment the policy refuses. It extends the engine's bad-request exception because that is
 * the one the Camunda REST API (and so Cockpit and Modeler) answers with 400 and its message.
 */
public class DeploymentRefusedException extends BadUserRequestException {

  private static final long serialVersionUID = 1L;

  DeploymentRefusedException(String message) {
    super(message);
  }
}
