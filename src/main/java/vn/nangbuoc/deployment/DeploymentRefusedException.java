package vn.nangbuoc.deployment;

import vn.nangbuoc.input.InvalidInputException;

/**
 * A deployment the policy refuses. Its message is Vietnamese and meant for the administrator, so it
 * is one of our rules: every API (the engine's REST API, and so Cockpit and Modeler) answers it with
 * 400 and the message itself.
 */
public class DeploymentRefusedException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  DeploymentRefusedException(String message) {
    super(message);
  }
}
