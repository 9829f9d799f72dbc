package fi.ecosystem.events.event;

import fi.ecosystem.platform.web.InvalidFields;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whom participants ask about the event: the person or desk the organiser names, with an e-mail address, a
 * phone number or both. Shown on the public pages and in the mails, so it is a work contact the organiser
 * chose to publish, not a registrant's data. The phone is kept as written (people read it); it must hold
 * 6–15 digits, optionally with a leading {@code +}, and spaces, hyphens or parentheses between them.
 */
public record OrganiserContact(String name, String email, String phone) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,22}[0-9]");

    /** Null when nothing was given; the parts trimmed, blanks as null. */
    public static OrganiserContact of(String name, String email, String phone) {
        OrganiserContact contact = new OrganiserContact(trimmed(name), trimmed(email), trimmed(phone));
        return contact.name == null && contact.email == null && contact.phone == null ? null : contact;
    }

    /** Adds what is wrong under {@code contact.*}: a name, and a way to reach them, each well formed. */
    void check(List<InvalidFields.FieldError> errors) {
        if (name == null) {
            errors.add(new InvalidFields.FieldError("contact.name", "contact-name-missing", "A contact needs a name"));
        }
        if (email == null && phone == null) {
            errors.add(new InvalidFields.FieldError("contact.email", "contact-reach-missing", "Give an e-mail address or a phone number"));
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new InvalidFields.FieldError("contact.email", "contact-email-invalid", "Not an e-mail address"));
        }
        if (phone != null) {
            long digits = phone.chars().filter(Character::isDigit).count();
            if (!PHONE.matcher(phone).matches() || digits < 6 || digits > 15) {
                errors.add(new InvalidFields.FieldError("contact.phone", "contact-phone-invalid",
                        "A phone number has 6–15 digits, e.g. 040 123 4567 or +358 40 123 4567"));
            }
        }
    }

    /** The phone as a {@code tel:} address: digits and the leading plus only. */
    public String phoneUri() {
        return phone == null ? null : "tel:" + phone.replaceAll("[^0-9+]", "");
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
