package fi.ecosystem.contacts.contact;

import java.util.regex.Pattern;

/**
 * A telephone number in E.164 ({@code +358401234567}). Accepts what people write: Finnish national numbers
 * with their leading 0 ({@code 040 123 4567}, {@code 09 310 1691}), international ones with {@code +} or
 * {@code 00} ({@code +46 8 123 456}), with spaces, hyphens, dots, slashes and parentheses between digits.
 * Without a country code a number is Finnish. Anything else is refused with a reason, never guessed.
 */
public final class Phone {

    private static final Pattern WRITTEN = Pattern.compile("\\+?[0-9 ()./-]+");
    private static final String FINLAND = "358";

    private Phone() {
    }

    /** The number in E.164, or an exception that says what is wrong. */
    public static String e164(String written) {
        String trimmed = written == null ? "" : written.trim();
        if (trimmed.isEmpty() || !WRITTEN.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("A phone number has digits only, e.g. 040 123 4567 or +46 8 123 456");
        }
        boolean plus = trimmed.startsWith("+");
        // "+358 (0)40 …": the trunk 0 in parentheses is a reading aid, not part of the number
        String digits = (plus || trimmed.startsWith("00") ? trimmed.replace("(0)", "") : trimmed).replaceAll("[^0-9]", "");
        String international;
        if (plus) {
            international = digits;
        } else if (digits.startsWith("00")) {
            international = digits.substring(2);
        } else if (digits.startsWith("0")) {
            international = FINLAND + digits.substring(1);
        } else {
            throw new IllegalArgumentException("Write the area or operator code with its 0 (09 310 1691) or the country code (+358 9 310 1691)");
        }
        if (international.startsWith("0")) {
            throw new IllegalArgumentException("No country code begins with 0");
        }
        if (international.startsWith(FINLAND)) {
            String national = international.substring(FINLAND.length());
            // Finnish subscriber numbers are 5 to 12 digits without the trunk prefix 0 (Traficom's numbering plan)
            if (national.startsWith("0") || national.length() < 5 || national.length() > 12) {
                throw new IllegalArgumentException("Not a Finnish phone number: +358 is followed by 5–12 digits without a leading 0");
            }
        }
        if (international.length() < 8 || international.length() > 15) {
            throw new IllegalArgumentException("A phone number has 8–15 digits with its country code");
        }
        return "+" + international;
    }

    public static boolean isValid(String written) {
        try {
            e164(written);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
