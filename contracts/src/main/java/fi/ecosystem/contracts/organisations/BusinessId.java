package fi.ecosystem.contracts.organisations;

import java.util.regex.Pattern;

/**
 * The Finnish business ID (Y-tunnus), {@code 1234567-8}: seven digits and a check digit. The check digit
 * is the remainder of the digits weighted 7, 9, 10, 5, 8, 4, 2 modulo 11, subtracted from 11 (0 stays 0;
 * remainder 1 is never issued). Older six-digit IDs are written with a leading zero.
 */
public final class BusinessId {

    private static final Pattern FORMAT = Pattern.compile("\\d{6,7}-\\d");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2};

    private BusinessId() {
    }

    /** The ID in its canonical form, or an exception saying what is wrong. */
    public static String canonical(String value) {
        String trimmed = value == null ? "" : value.trim();
        if (!FORMAT.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("A business ID is written 1234567-8");
        }
        String digits = trimmed.length() == 8 ? "0" + trimmed : trimmed;
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int remainder = sum % 11;
        if (remainder == 1) {
            throw new IllegalArgumentException("No business ID has these seven digits");
        }
        int expected = remainder == 0 ? 0 : 11 - remainder;
        if (digits.charAt(8) - '0' != expected) {
            throw new IllegalArgumentException("The check digit of the business ID is wrong");
        }
        return digits;
    }

    public static boolean isValid(String value) {
        try {
            canonical(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
