package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

/**
 * The service answers what the pages used to work out themselves: the check-in's people (those holding a place,
 * matching the words typed, by name, a page at a time), the waiting order and the counts per state.
 */
class RegistrationSearchApiTest extends EventsApiTestSupport {

    @Test
    void theCheckInFindsThoseHoldingAPlaceByTheWordsTypedSortedByNameAndTheCountsNameEveryState() throws Exception {
        String event = draft(2);
        var organiser = cityUser("helsinki", "staff", "event-organiser");
        register(event, "aino@example.org", "Aino", "Virta", "Kasvu Oy");
        register(event, "bertta@example.org", "Bertta", "Aalto", null);
        register(event, "cecilia@example.org", "Cecilia", "Aalto", "Kasvu Oy");
        register(event, "daniel@example.org", "Daniel", "Berg", null);

        mvc.perform(get("/api/events/" + event + "/registrations").with(organiser)
                        .param("status", "CONFIRMED", "ATTENDED", "NO_SHOW").param("order", "name"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].lastName").value("Aalto"))
                .andExpect(jsonPath("$.items[1].lastName").value("Virta"));
        // every word somewhere in the name, the e-mail or the organisation, in any case
        mvc.perform(get("/api/events/" + event + "/registrations").with(organiser).param("q", "aalto KASVU").param("order", "name"))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].firstName").value("Cecilia"));
        mvc.perform(get("/api/events/" + event + "/registrations").with(organiser).param("q", "aalto").param("order", "name"))
                .andExpect(jsonPath("$.totalItems").value(2));
        // a page at a time
        mvc.perform(get("/api/events/" + event + "/registrations").with(organiser).param("order", "name")
                        .param("size", "1").param("page", "3"))
                .andExpect(jsonPath("$.totalItems").value(4)).andExpect(jsonPath("$.totalPages").value(4))
                .andExpect(jsonPath("$.items[0].lastName").value("Virta"));
        // the order they came: the waiting list's, with each one's place in it
        mvc.perform(get("/api/events/" + event + "/registrations").with(organiser))
                .andExpect(jsonPath("$.items[2].firstName").value("Cecilia"))
                .andExpect(jsonPath("$.items[2].waitingListPosition").value(1))
                .andExpect(jsonPath("$.items[3].waitingListPosition").value(2))
                .andExpect(jsonPath("$.items[0].waitingListPosition").value(0));

        mvc.perform(get("/api/events/" + event + "/registrations/counts").with(organiser))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byStatus.CONFIRMED").value(2)).andExpect(jsonPath("$.byStatus.WAITLISTED").value(2))
                .andExpect(jsonPath("$.byStatus.CANCELLED").value(0)).andExpect(jsonPath("$.byStatus.ATTENDED").value(0))
                .andExpect(jsonPath("$.byStatus.NO_SHOW").value(0));
    }

    @Test
    void theCountsAndTheSearchNeedTheRightToSeeTheEventsPeopleAndAnUnknownOrderIsABadRequest() throws Exception {
        String event = draft(2);
        register(event, "aino@example.org", "Aino", "Virta", null);
        mvc.perform(get("/api/events/" + event + "/registrations/counts").with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.byStatus.CONFIRMED").value(1));
        mvc.perform(get("/api/events/" + event + "/registrations/counts").with(cityUser("helsinki")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/events/" + event + "/registrations").param("q", "aino").with(cityUser("helsinki")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/events/" + event + "/registrations").param("order", "shoe-size")
                        .with(cityUser("helsinki", "staff", "event-organiser")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /**
     * A page works out its rows' places from at most two counts. Every row must still show the place its own count
     * gives: across page boundaries, with a person who left the middle of the list, with people registered in the
     * same millisecond (split by a page boundary too), filtered by state, by words and in name order.
     */
    @Test
    void everyRowOfEveryPageShowsItsOwnPlaceInTheWaitingList() throws Exception {
        String event = draft(1);
        var organiser = cityUser("helsinki", "staff", "event-organiser");
        String[] names = {"Aalto", "Berg", "Carlsson", "Dahl", "Eklund", "Forsman", "Granholm", "Heino", "Ilves",
                "Jokela", "Kivi", "Laine"};
        for (int i = 0; i < names.length; i++) {
            register(event, "person" + i + "@example.org", "Henkilö", names[i], i % 2 == 0 ? "Kasvu Oy" : null);
        }
        List<Registration> arrived = mongo.find(new Query(Criteria.where("eventId").is(event))
                .with(Sort.by("createdAt", "_id")), Registration.class);
        assertThat(arrived).hasSize(12);
        // 3, 4 and 5 registered in the same millisecond, and 8 and 9; 6 left the waiting list
        sameTime(arrived.subList(3, 6));
        sameTime(arrived.subList(8, 10));
        mongo.updateFirst(new Query(Criteria.where("_id").is(arrived.get(6).id())),
                new Update().set("status", RegistrationStatus.CANCELLED.name()), Registration.class);
        Map<String, Long> expected = ownPlaces(event);
        assertThat(expected.values()).containsOnly(0L, 1L, 2L, 3L, 6L, 7L, 9L, 10L); // a millisecond shares a place

        for (int size = 1; size <= 5; size++) {
            for (var params : List.<Map<String, String>>of(Map.of(), Map.of("status", "WAITLISTED"),
                    Map.of("status", "CONFIRMED,WAITLISTED"), Map.of("status", "CANCELLED"), Map.of("q", "kasvu"),
                    Map.of("order", "name"))) {
                int shown = 0;
                for (int page = 0; ; page++) {
                    var request = get("/api/events/" + event + "/registrations").with(organiser)
                            .param("size", String.valueOf(size)).param("page", String.valueOf(page));
                    params.forEach((name, value) -> request.param(name, value.split(",")));
                    String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                    List<String> ids = JsonPath.read(body, "$.items[*].id");
                    if (ids.isEmpty()) {
                        break;
                    }
                    List<Number> places = JsonPath.read(body, "$.items[*].waitingListPosition");
                    for (int row = 0; row < ids.size(); row++) {
                        assertThat(places.get(row).longValue()).as("%s, size %d, page %d, row %d", params, size, page, row)
                                .isEqualTo(expected.get(ids.get(row)));
                    }
                    shown += ids.size();
                }
                assertThat(shown).as("%s, size %d", params, size).isPositive();
            }
        }
    }

    private void sameTime(List<Registration> registrations) {
        Instant at = registrations.get(0).createdAt();
        registrations.forEach(registration -> mongo.updateFirst(new Query(Criteria.where("_id").is(registration.id())),
                new Update().set("createdAt", at), Registration.class));
    }

    /** Each registration's place by the definition: 1 + the waitlisted registered strictly earlier; 0 off the list. */
    private Map<String, Long> ownPlaces(String event) {
        List<Registration> all = mongo.find(new Query(Criteria.where("eventId").is(event)), Registration.class);
        Map<String, Long> places = new HashMap<>();
        for (Registration registration : all) {
            places.put(registration.id(), registration.status() != RegistrationStatus.WAITLISTED ? 0L
                    : 1 + all.stream().filter(other -> other.status() == RegistrationStatus.WAITLISTED
                            && other.createdAt().isBefore(registration.createdAt())).count());
        }
        return places;
    }

    private void register(String event, String email, String firstName, String lastName, String organisation) throws Exception {
        mvc.perform(post("/api/events/" + event + "/registrations").with(cityUser("helsinki", "staff", "event-organiser"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + email + "\", \"firstName\": \"" + firstName + "\", \"lastName\": \"" + lastName
                                + "\", \"language\": \"fi\"" + (organisation == null ? "" : ", \"organisationName\": \"" + organisation + "\"")
                                + "}"))
                .andExpect(status().isCreated());
    }
}
