package fi.ecosystem.events.registration;

import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.ParticipantAccess;
import fi.ecosystem.platform.security.CityUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The registrations of one event as organisers look for them: in some states, matching the words typed at a
 * check-in desk, and how many there are in each state. The store filters and pages (the {@code waiting_list}
 * index leads with the event and the state), so no page reads the whole list.
 */
@Service
public class RegistrationSearch {

    private static final List<String> SEARCHED = List.of("firstName", "lastName", "email", "organisationName");

    private final MongoTemplate store;
    private final EventService events;

    RegistrationSearch(MongoTemplate store, EventService events) {
        this.store = store;
        this.events = events;
    }

    /** A page of the event's registrations in these states (all when none), each word found in a name, the e-mail or the organisation. */
    public Page<Registration> find(CityUser user, String eventId, Collection<RegistrationStatus> states, String words,
            Pageable pageable) {
        requireMayReadPeople(user, eventId);
        Criteria criteria = Criteria.where("eventId").is(eventId);
        if (states != null && !states.isEmpty()) {
            criteria = criteria.and("status").in(states.stream().map(Enum::name).toList());
        }
        List<Criteria> everyWord = new ArrayList<>();
        for (String word : words == null ? new String[0] : words.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!word.isEmpty()) {
                Pattern contains = Pattern.compile(Pattern.quote(word), Pattern.CASE_INSENSITIVE);
                everyWord.add(new Criteria().orOperator(SEARCHED.stream().map(field -> Criteria.where(field).regex(contains)).toList()));
            }
        }
        if (!everyWord.isEmpty()) {
            criteria = new Criteria().andOperator(criteria, new Criteria().andOperator(everyWord));
        }
        Query query = Query.query(criteria);
        long total = store.count(query, Registration.class);
        List<Registration> page = store.find(query.with(pageable), Registration.class);
        return new PageImpl<>(page, pageable, total);
    }

    /** How many of the event's registrations are in each state; every state is named. */
    public Map<RegistrationStatus, Long> counts(CityUser user, String eventId) {
        requireMayReadPeople(user, eventId);
        Map<RegistrationStatus, Long> counts = new EnumMap<>(RegistrationStatus.class);
        for (RegistrationStatus status : RegistrationStatus.values()) {
            counts.put(status, store.count(Query.query(Criteria.where("eventId").is(eventId).and("status").is(status.name())),
                    Registration.class));
        }
        return counts;
    }

    private void requireMayReadPeople(CityUser user, String eventId) {
        EventService.Visible visible = events.visible(user, eventId);
        ParticipantAccess.requireMayReadPeople(user, visible.event(), visible.cities());
    }
}
