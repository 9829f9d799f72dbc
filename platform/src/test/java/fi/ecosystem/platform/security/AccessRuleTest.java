package fi.ecosystem.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.ecosystem.platform.web.NotFoundException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/**
 * The access rule, branch by branch: a city sees what it takes part in — as the lead, a partner or a
 * participating municipality, all of which are among the thing's cities — and nothing else (404, not
 * 403, so existence is not revealed); writing needs a role (city users) or a write scope (integrators).
 */
class AccessRuleTest {

    /** A project led by Helsinki, with Espoo as a partner and Kerava as a participating municipality. */
    static final List<String> PROJECT_CITIES = List.of("helsinki", "espoo", "kerava");
    static final String AREA = "projects";

    static CityUser staff(String city, String... roles) {
        return new CityUser(city + "-user", city + " user", Set.of(city), Set.of(roles), Set.of(), false);
    }

    static CityUser integrator(String city, String... scopes) {
        return new CityUser(city + "-bi", "service-account-" + city + "-bi", Set.of(city), Set.of(), Set.of(scopes), true);
    }

    @Test
    void theLeadAPartnerAndAParticipatingCitySeeTheProject() {
        for (String city : PROJECT_CITIES) {
            assertThatCode(() -> AccessRule.requireVisible(staff(city, CityUser.STAFF), AREA, PROJECT_CITIES, "Project p"))
                    .as(city).doesNotThrowAnyException();
        }
        CityUser ofTwoCities = new CityUser("u", "u", Set.of("oulu", "kerava"), Set.of(), Set.of(), false);
        assertThatCode(() -> AccessRule.requireVisible(ofTwoCities, AREA, PROJECT_CITIES, "Project p")).doesNotThrowAnyException();
    }

    @Test
    void anotherCityGetsNotFound() {
        assertThatThrownBy(() -> AccessRule.requireVisible(staff("oulu", CityUser.STAFF, CityUser.ADMIN), AREA, PROJECT_CITIES, "Project p"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> AccessRule.requireWritable(staff("oulu", CityUser.PROJECT_MANAGER), AREA,
                CityUser.PROJECT_MANAGER, PROJECT_CITIES, "Project p"))
                .as("not 403: the caller may not learn that it exists").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> AccessRule.requireVisible(integrator("oulu", "projects:write"), AREA, PROJECT_CITIES, "Project p"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aThingOfNoCityOrAUserOfNoCityIsNotFound() {
        assertThatThrownBy(() -> AccessRule.requireVisible(staff("helsinki"), AREA, List.of(), "Project p"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> AccessRule.requireVisible(staff("helsinki"), AREA, null, "Project p"))
                .isInstanceOf(NotFoundException.class);
        CityUser ofNoCity = new CityUser("u", "u", Set.of(), Set.of(CityUser.ADMIN), Set.of(), false);
        assertThatThrownBy(() -> AccessRule.requireVisible(ofNoCity, AREA, PROJECT_CITIES, "Project p"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> AccessRule.requireMayRead(ofNoCity, AREA))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("not a member");
    }

    @Test
    void anIntegratorNeedsTheAreasScopeToSeeIt() {
        assertThatThrownBy(() -> AccessRule.requireVisible(integrator("helsinki", "events:read"), AREA, PROJECT_CITIES, "Project p"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> AccessRule.requireMayRead(integrator("helsinki", "events:read"), AREA))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("projects:read");
        assertThatCode(() -> AccessRule.requireVisible(integrator("helsinki", "projects:read"), AREA, PROJECT_CITIES, "Project p"))
                .doesNotThrowAnyException();
        assertThatCode(() -> AccessRule.requireMayRead(integrator("helsinki", "projects:write"), AREA))
                .as("write implies read").doesNotThrowAnyException();
    }

    @Test
    void writingNeedsTheRoleOrAdminForCityUsers() {
        assertThatThrownBy(() -> AccessRule.requireWritable(staff("espoo", CityUser.STAFF), AREA, CityUser.PROJECT_MANAGER,
                PROJECT_CITIES, "Project p"))
                .as("visible but not writable: 403").isInstanceOf(AccessDeniedException.class).hasMessageContaining("project-manager");
        assertThatThrownBy(() -> AccessRule.requireMayWrite(staff("espoo", CityUser.EVENT_ORGANISER), AREA, CityUser.PROJECT_MANAGER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatCode(() -> AccessRule.requireWritable(staff("espoo", CityUser.PROJECT_MANAGER), AREA, CityUser.PROJECT_MANAGER,
                PROJECT_CITIES, "Project p")).doesNotThrowAnyException();
        assertThatCode(() -> AccessRule.requireWritable(staff("kerava", CityUser.ADMIN), AREA, CityUser.PROJECT_MANAGER,
                PROJECT_CITIES, "Project p")).doesNotThrowAnyException();
    }

    @Test
    void writingNeedsTheWriteScopeForIntegrators() {
        assertThatThrownBy(() -> AccessRule.requireWritable(integrator("helsinki", "projects:read"), AREA, CityUser.PROJECT_MANAGER,
                PROJECT_CITIES, "Project p"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("projects:write");
        assertThatThrownBy(() -> AccessRule.requireMayWrite(integrator("helsinki", "events:write"), AREA, CityUser.PROJECT_MANAGER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatCode(() -> AccessRule.requireWritable(integrator("espoo", "projects:write"), AREA, CityUser.PROJECT_MANAGER,
                PROJECT_CITIES, "Project p")).doesNotThrowAnyException();
        CityUser integratorWithRoleOnly = new CityUser("bi", "bi", Set.of("helsinki"), Set.of(CityUser.ADMIN), Set.of("projects:read"), true);
        assertThatThrownBy(() -> AccessRule.requireMayWrite(integratorWithRoleOnly, AREA, CityUser.PROJECT_MANAGER))
                .as("an integrator's realm roles do not stand in for the scope").isInstanceOf(AccessDeniedException.class);
    }
}
