package fi.ecosystem.events.registration;

import static fi.ecosystem.platform.testing.Callers.cityUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.ecosystem.events.event.Event;
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
     * A page in arrival order works out its rows' places from one count and one read of its span's waiting numbers.
     * Every row must still show the place its own count gives: across page boundaries, with a person who left the
     * middle of the list, with people who joined before numbers were handed out (two of them in the same
     * millisecond), with two who joined the list the other way round from the order they registered in (a page in
     * arrival order then holds one of them and not the other), filtered by state, by words and in name order.
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
        assertThat(arrived.stream().map(Registration::waitingNumber).toList()).as("numbers in the order they joined")
                .containsExactly(null, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        // 1, 2 and 3 joined before numbers (2 and 3 in the same millisecond); 6 left the list; 8 and 9 registered
        // in one order and joined the list in the other
        arrived.subList(1, 4).forEach(registration -> mongo.updateFirst(new Query(Criteria.where("_id").is(registration.id())),
                new Update().unset("waitingNumber"), Registration.class));
        sameTime(arrived.subList(2, 4));
        mongo.updateFirst(new Query(Criteria.where("_id").is(arrived.get(6).id())),
                new Update().set("status", RegistrationStatus.CANCELLED.name()), Registration.class);
        Instant eighth = arrived.get(8).createdAt();
        mongo.updateFirst(new Query(Criteria.where("_id").is(arrived.get(8).id())),
                new Update().set("createdAt", arrived.get(9).createdAt()), Registration.class);
        mongo.updateFirst(new Query(Criteria.where("_id").is(arrived.get(9).id())),
                new Update().set("createdAt", eighth), Registration.class);
        Map<String, Long> expected = ownPlaces(event);
        assertThat(expected.values()).containsOnly(0L, 1L, 2L, 4L, 5L, 6L, 7L, 8L, 9L, 10L); // a millisecond shares a place before numbers
        assertThat(expected.get(arrived.get(8).id())).isEqualTo(7L);
        assertThat(expected.get(arrived.get(9).id())).isEqualTo(8L);

        // the third page of three in arrival order holds 7 and 9, not 8: one count and one read of the span's numbers
        List<String> commands = StoreCommands.during(() -> mvc.perform(get("/api/events/" + event + "/registrations")
                        .with(organiser).param("size", "3").param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[1].waitingListPosition").value(6))
                .andExpect(jsonPath("$.items[2].waitingListPosition").value(8)));
        assertThat(commands.stream().filter(command -> command.startsWith("aggregate registrations"))).as("counts").hasSize(2);
        assertThat(commands.stream().filter(command -> command.startsWith("find registrations") && command.contains("waitingNumber")))
                .as("reads of numbers").hasSize(1);

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

    /**
     * A registration that joins the waiting list is told its place by joining it: no count of the registrations (on
     * MongoDB a count reads an index key for everyone ahead, on every join), and one write on the event. Its place is
     * the one the list shows, also after someone ahead left; a repeat registration's place is counted.
     */
    @Test
    void aRegistrationJoiningTheWaitingListIsToldItsPlaceWithoutCountingAndTheListAgrees() throws Exception {
        String event = draft(1);
        var organiser = cityUser("helsinki", "staff", "event-organiser");
        for (int i = 0; i < 4; i++) {
            register(event, "ennen" + i + "@example.org", "Henkilö", "Ennen", null);
        }
        List<String> commands = StoreCommands.during(() -> mvc.perform(post("/api/events/" + event + "/registrations")
                        .with(organiser).contentType(MediaType.APPLICATION_JSON).content(person("viides@example.org")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("WAITLISTED"))
                .andExpect(jsonPath("$.waitingListPosition").value(4)));
        assertThat(commands).as("the store commands of the registration").isNotEmpty()
                .noneMatch(command -> command.startsWith("aggregate registrations") || command.startsWith("count registrations"));
        assertThat(commands).anyMatch(command -> command.startsWith("findAndModify events") && command.contains("waitingNumbers"));
        // the event was full with people waiting when read: one write on it, the join, and no refused try for a place
        assertThat(commands.stream().filter(command -> command.startsWith("findAndModify events") || command.startsWith("update events")))
                .as("writes on the event").hasSize(1);

        // the second of the list leaves; the next one to join is fourth, as the list shows, and a repeat is counted
        Registration second = mongo.findOne(new Query(Criteria.where("eventId").is(event).and("waitingNumber").is(2L)), Registration.class);
        mvc.perform(post("/api/events/" + event + "/registrations/" + second.id() + "/cancel").with(organiser))
                .andExpect(status().isOk());
        String sixth = mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON).content(person("kuudes@example.org")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.waitingListPosition").value(4))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/events/" + event + "/registrations").with(organiser)
                        .contentType(MediaType.APPLICATION_JSON).content(person("viides@example.org")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.waitingListPosition").value(3));
        Map<String, Long> expected = ownPlaces(event);
        assertThat(expected.get(JsonPath.<String>read(sixth, "$.id"))).isEqualTo(4L);
        String list = mvc.perform(get("/api/events/" + event + "/registrations").with(organiser))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(list, "$.items[*].id");
        List<Number> places = JsonPath.read(list, "$.items[*].waitingListPosition");
        for (int row = 0; row < ids.size(); row++) {
            assertThat(places.get(row).longValue()).as("row %d", row).isEqualTo(expected.get(ids.get(row)));
        }
        assertThat(mongo.findById(event, Event.class).waitlistedCount()).isEqualTo(4);
    }

    /** Those who joined before numbers were handed out stand first: the first place freed goes to them. */
    @Test
    void aPlaceFreedGoesFirstToWhoJoinedBeforeNumbers() throws Exception {
        String event = draft(1);
        var organiser = cityUser("helsinki", "staff", "event-organiser");
        register(event, "paikka@example.org", "Henkilö", "Paikka", null);
        register(event, "numero@example.org", "Henkilö", "Numero", null);
        register(event, "vanha@example.org", "Henkilö", "Vanha", null);
        // the last one stored as before numbers (a registration of an older version), though it came later
        mongo.updateFirst(new Query(Criteria.where("email").is("vanha@example.org")), new Update().unset("waitingNumber"),
                Registration.class);
        Registration confirmed = mongo.findOne(new Query(Criteria.where("email").is("paikka@example.org")), Registration.class);
        mvc.perform(post("/api/events/" + event + "/registrations/" + confirmed.id() + "/cancel").with(organiser))
                .andExpect(status().isOk());
        assertThat(mongo.findOne(new Query(Criteria.where("email").is("vanha@example.org")), Registration.class).status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(mongo.findOne(new Query(Criteria.where("email").is("numero@example.org")), Registration.class).status())
                .isEqualTo(RegistrationStatus.WAITLISTED);
    }

    private void sameTime(List<Registration> registrations) {
        Instant at = registrations.get(0).createdAt();
        registrations.forEach(registration -> mongo.updateFirst(new Query(Criteria.where("_id").is(registration.id())),
                new Update().set("createdAt", at), Registration.class));
    }

    /**
     * Each registration's place by the definition: 1 + the waitlisted ahead of it; 0 off the list. Ahead of one with a
     * number: everyone without one and the lower numbers; ahead of one without: those without, registered strictly earlier.
     */
    private Map<String, Long> ownPlaces(String event) {
        List<Registration> all = mongo.find(new Query(Criteria.where("eventId").is(event)), Registration.class);
        Map<String, Long> places = new HashMap<>();
        for (Registration registration : all) {
            places.put(registration.id(), registration.status() != RegistrationStatus.WAITLISTED ? 0L
                    : 1 + all.stream().filter(other -> other.status() == RegistrationStatus.WAITLISTED && ahead(other, registration)).count());
        }
        return places;
    }

    private static boolean ahead(Registration other, Registration of) {
        if (of.waitingNumber() == null) {
            return other.waitingNumber() == null && other.createdAt().isBefore(of.createdAt());
        }
        return other.waitingNumber() == null || other.waitingNumber() < of.waitingNumber();
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
