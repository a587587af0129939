package vn.nangbuoc.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Runs the application's own bookkeeping without the acting user's authorizations: evaluating the
 * routing tables, finding a task's groups, re-routing after a move. The user's right to the action
 * itself was checked before (by the engine for the task, by the API for the case); what runs here
 * is the system's part of that action.
 */
@Component
public class EngineSystem {

  private final IdentityService identityService;

  EngineSystem(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> work) {
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      boolean checking = command.isAuthorizationCheckEnabled();
      command.disableAuthorizationCheck();
      try {
        return work.get();
      } finally {
        if (checking) {
          command.enableAuthorizationCheck();
        }
      }
    }
    Authentication user = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (user != null) {
        identityService.setAuthentication(user);
      }
    }
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
