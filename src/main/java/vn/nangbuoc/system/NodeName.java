package vn.nangbuoc.system;

import java.lang.management.ManagementFactory;

/**
 * This node's name ({@code pid@host}) wherever a node marks the work it holds: the engine's job locks
 * (ACT_RU_JOB.LOCK_OWNER_), the outbox's claims (mail_outbox.claimed_by), pending pathway starts. An
 * operator who finds work held by a node that is gone sees which node it was.
 */
public final class NodeName {

  private static final String NAME = ManagementFactory.getRuntimeMXBean().getName();

  private NodeName() {
  }

  public static String get() {
    return NAME;
  }
}
