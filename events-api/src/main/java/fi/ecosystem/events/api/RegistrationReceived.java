package fi.ecosystem.events.api;

/**
 * The one answer to every accepted public registration form (new address, known address or bot), so that it
 * reveals nothing: the private link goes to the address by e-mail.
 */
public record RegistrationReceived(String message) {

    public static final RegistrationReceived CHECK_YOUR_EMAIL = new RegistrationReceived(
            "Thank you. We have sent a message to the e-mail address you gave: its link shows your registration.");
}
