package fi.ecosystem.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Phone numbers as people write them become E.164; garbage is refused with a reason. */
class PhoneTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "040 123 4567      | +358401234567",
        "040-123 4567      | +358401234567",
        "(040) 123 4567    | +358401234567",
        "09 310 1691       | +35893101691",
        "09-310 1691       | +35893101691",
        "+358 9 310 1691   | +35893101691",
        "+358 (0)40 1234567| +358401234567",
        "00358 40 123 4567 | +358401234567",
        "+46 8 123 456     | +468123456",
        "0046 8 123 456    | +468123456",
        "+1 (212) 555-0100 | +12125550100",
        "050.123.45.67     | +358501234567",
        " 0401234567       | +358401234567"})
    void nationalAndInternationalFormsBecomeE164(String written, String e164) {
        assertThat(Phone.e164(written)).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc", "040 123 456x", "+358 40 abc", "12345", "401234567", "+0 40 123",
        "++358401234567", "+358 1", "0401234567890123", "+35840123456789012", "040 123 4567 ext 5", "tel:0401234567"})
    void garbageIsRefused(String written) {
        assertThatThrownBy(() -> Phone.e164(written)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Phone.isValid(written)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"401234567", "9 310 1691"})
    void aNumberWithoutItsZeroOrCountryCodeIsRefusedRatherThanGuessed(String written) {
        assertThatThrownBy(() -> Phone.e164(written)).hasMessageContaining("0");
    }
}
