package vn.nangbuoc.notification;

/** Someone who receives mail, and how they want to hear about new work. */
public record Recipient(String userId, String email, String fullName, DeliveryMode mode) {
}
