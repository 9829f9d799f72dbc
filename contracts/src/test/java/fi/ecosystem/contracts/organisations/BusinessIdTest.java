package fi.ecosystem.contracts.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"0201256-6", "1572860-0", "0112038-9", "2331972-7", " 0737546-2 "})
    void validIdsPass(String id) {
        assertThat(BusinessId.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0201256-5", "1572860-1", "0112038-0"})
    void aWrongCheckDigitIsRefused(String id) {
        assertThatThrownBy(() -> BusinessId.canonical(id)).hasMessageContaining("check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "02012566", "0201256", "020125-66", "abcdefg-h", "12345678-9", "0201256 6"})
    void malformedIdsAreRefused(String id) {
        assertThatThrownBy(() -> BusinessId.canonical(id)).hasMessageContaining("1234567-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"201256-6"})
    void sixDigitIdsGetTheirLeadingZero(String id) {
        assertThat(BusinessId.canonical(id)).isEqualTo("0201256-6");
    }
}
