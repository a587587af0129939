package vn.nangbuoc.notification;

/** How a user hears about new work in their task list. Reminders and escalations always come at once. */
public enum DeliveryMode {
  IMMEDIATE,
  DIGEST,
  NONE
}
