package vn.nangbuoc.engine;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers {@link EngineRestErrors} in every Jersey application of the JVM: the engine's REST API
 * at /engine-rest and the webapps' copy of it under /camunda/api/engine, which Tasklist calls and
 * whose configuration the application cannot reach otherwise. Listed in META-INF/services.
 */
public final class EngineRestErrorsDiscoverable implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> mapper : new Class<?>[] {EngineRestErrors.AnyError.class, EngineRestErrors.RestError.class,
        EngineRestErrors.EngineError.class, EngineRestErrors.UnreadableJson.class,
        EngineRestErrors.UnmappableJson.class}) {
      if (!context.getConfiguration().isRegistered(mapper)) {
        context.register(mapper, EngineRestErrors.AHEAD_OF_CAMUNDA);
      }
    }
  }
}
