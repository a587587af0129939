package vn.nangbuoc.notification;

/** One mail to one recipient, rendered and ready for the outbox. */
record Mail(
    String kind, String recipientUser, String recipientEmail, String subject, String bodyText, String bodyHtml) {
}
