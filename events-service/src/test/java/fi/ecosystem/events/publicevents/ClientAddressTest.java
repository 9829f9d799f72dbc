package fi.ecosystem.events.publicevents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    @Test
    void theLastForwardedHopCountsAndAnIpv6AddressCountsAsItsSlash64() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.9");
        assertThat(ClientAddress.networkOf(request)).isEqualTo("10.0.0.9");
        request.addHeader("X-Forwarded-For", "192.0.2.1, 203.0.113.5");
        assertThat(ClientAddress.networkOf(request)).isEqualTo("203.0.113.5");

        assertThat(ClientAddress.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo(ClientAddress.network("[2001:db8:1:2::1]"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.network("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.network("2001:db8:1:2::1"));
        assertThat(ClientAddress.network("not-an-address.example.org")).isEqualTo("not-an-address.example.org");
    }
}
