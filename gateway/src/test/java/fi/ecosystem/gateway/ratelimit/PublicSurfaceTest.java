package fi.ecosystem.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.gateway.ratelimit.PublicSurface.Budget;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.RequestPath;

class PublicSurfaceTest {

    @Test
    void encodedDottedAndDoubledPathsAreTheSameRequestAsThePlainOne() {
        assertThat(normalise("/%70ublic/events/e1/registrations")).isEqualTo("/public/events/e1/registrations");
        assertThat(normalise("/events/%2e/e1/register")).isEqualTo("/events/e1/register");
        assertThat(normalise("/events/x/%2E%2E/e1/register")).isEqualTo("/events/e1/register");
        assertThat(normalise("//events//e1/./register")).isEqualTo("/events/e1/register");
        assertThat(normalise("/events;jsessionid=1/e1/register")).isEqualTo("/events/e1/register");
        assertThat(normalise("/events%2Fe1%2Fregister")).isEqualTo("/events/e1/register");
    }

    @Test
    void everyWriteOutsideTheSignedInAreasIsAPublicWrite() {
        assertThat(budget(HttpMethod.POST, "/events/e1/register")).isEqualTo(Budget.WRITE);
        assertThat(budget(HttpMethod.POST, "/Events/e1/register")).isEqualTo(Budget.WRITE);
        assertThat(budget(HttpMethod.POST, "/events/registrations/t1/cancel")).isEqualTo(Budget.WRITE);
        assertThat(budget(HttpMethod.POST, "/%70ublic/events/e1/registrations")).isEqualTo(Budget.WRITE);
        assertThat(budget(HttpMethod.DELETE, "/PUBLIC/registrations/t1")).isEqualTo(Budget.WRITE);
        assertThat(budget(HttpMethod.POST, "/api/../events/e1/register")).isEqualTo(Budget.WRITE);

        assertThat(budget(HttpMethod.POST, "/api/events")).isEqualTo(Budget.NONE);
        assertThat(budget(HttpMethod.POST, "/app/events/e1/registrations")).isEqualTo(Budget.NONE);
        assertThat(budget(HttpMethod.POST, "/apple")).isEqualTo(Budget.WRITE);
    }

    @Test
    void readsAreCountedOnThePublicApiOnly() {
        assertThat(budget(HttpMethod.GET, "/public/events")).isEqualTo(Budget.READ);
        assertThat(budget(HttpMethod.GET, "/%70ublic/events")).isEqualTo(Budget.READ);
        assertThat(budget(HttpMethod.GET, "/events/e1")).isEqualTo(Budget.NONE);
        assertThat(budget(HttpMethod.GET, "/api/projects")).isEqualTo(Budget.NONE);
        assertThat(budget(HttpMethod.GET, "/publications")).isEqualTo(Budget.NONE);
    }

    @Test
    void anIpv6NetworkCountsAsOneClientByItsSlash64() throws Exception {
        assertThat(PublicSurface.client(InetAddress.getByName("2001:db8:1:2::1")))
                .isEqualTo(PublicSurface.client(InetAddress.getByName("2001:db8:1:2:ffff:ffff:ffff:ffff")))
                .isEqualTo("20010db800010002::/64");
        assertThat(PublicSurface.client(InetAddress.getByName("2001:db8:1:3::1"))).isEqualTo("20010db800010003::/64");
        assertThat(PublicSurface.client(InetAddress.getByName("198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(PublicSurface.client(InetAddress.getByName("::ffff:198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    private static String normalise(String rawPath) {
        return PublicSurface.normalise(RequestPath.parse(rawPath, null).pathWithinApplication());
    }

    private static Budget budget(HttpMethod method, String rawPath) {
        return PublicSurface.budget(method, RequestPath.parse(rawPath, null));
    }
}
