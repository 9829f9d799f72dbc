package fi.ecosystem.events.feedback;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.DomainRuleViolation;
import fi.ecosystem.platform.web.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Use cases of the survey after an event: the attendee answers once through their link (the token is the only key);
 * the organiser reads an event's answers and figures, and a project's across its events, under the events' access
 * rule (the cities of the project).
 */
@Service
public class Feedback {

    /** What the survey page shows: the event's title, the attendee's language, and whether the link was used. */
    public record Survey(String eventId, LocalizedText eventTitle, String language, boolean answered) {
    }

    public record Response(int score, String text, Instant answeredAt) {
    }

    /** Invited, answered, their rate (0–1) and the average score (null: no answers yet). */
    public record Figures(long invited, long answered, Double answerRate, Double average) {

        static Figures of(long invited, long answered, long scoreSum) {
            return new Figures(invited, answered, invited == 0 ? null : (double) answered / invited,
                    answered == 0 ? null : (double) scoreSum / answered);
        }
    }

    public record OfEvent(String eventId, LocalizedText title, Instant endsAt, Figures figures, List<Response> responses) {
    }

    public record OfProject(String projectId, Figures figures, List<OfEvent> events) {
    }

    private final MongoTemplate mongo;
    private final EventService events;
    private final ProjectAccessDirectory projects;

    Feedback(MongoTemplate mongo, EventService events, ProjectAccessDirectory projects) {
        this.mongo = mongo;
        this.events = events;
        this.projects = projects;
    }

    public Survey survey(String token) {
        FeedbackInvitation invitation = byToken(token);
        Event event = events.find(invitation.eventId());
        return new Survey(event.id(), event.title(), invitation.language(), invitation.answered());
    }

    /** Records the answer; a link used already is refused (409, code feedback-answered), an unknown one is not found. */
    public void answer(String token, int score, String text) {
        FeedbackInvitation invitation = byToken(token);
        Update answer = new Update().set("score", score).set("answeredAt", Instant.now());
        if (text != null && !text.isBlank()) {
            answer.set("text", text.strip());
        }
        boolean answered = mongo.updateFirst(new Query(Criteria.where("_id").is(invitation.id()).and("answeredAt").is(null)),
                answer, FeedbackInvitation.class).getModifiedCount() == 1;
        if (!answered) {
            throw new DomainRuleViolation("feedback-answered", "This survey has been answered already");
        }
    }

    private FeedbackInvitation byToken(String token) {
        FeedbackInvitation invitation = token == null || token.length() > 100 ? null
                : mongo.findOne(new Query(Criteria.where("tokenHash").is(FeedbackTokens.hash(token))), FeedbackInvitation.class);
        if (invitation == null) {
            throw new NotFoundException("Survey");
        }
        return invitation;
    }

    public OfEvent ofEvent(CityUser user, String eventId) {
        Event event = events.get(user, eventId);
        long invited = mongo.count(new Query(Criteria.where("eventId").is(eventId)), FeedbackInvitation.class);
        List<Response> responses = new ArrayList<>();
        long sum = 0;
        for (FeedbackInvitation answer : mongo.find(new Query(Criteria.where("eventId").is(eventId).and("answeredAt").ne(null))
                .with(Sort.by("answeredAt")), FeedbackInvitation.class)) {
            responses.add(new Response(answer.score(), answer.text(), answer.answeredAt()));
            sum += answer.score();
        }
        return new OfEvent(event.id(), event.title(), event.endsAt(), Figures.of(invited, responses.size(), sum), responses);
    }

    /** A project's figures, in total and per surveyed event (without the texts: those are read per event). */
    public OfProject ofProject(CityUser user, String projectId) {
        AccessRule.requireMayRead(user, EventService.AREA);
        if (!projects.projectsOf(user.cities()).contains(projectId)) {
            throw new NotFoundException("Project " + projectId);
        }
        Query ofProject = new Query(Criteria.where("projectId").is(projectId));
        ofProject.fields().include("eventId", "answeredAt", "score");
        Map<String, long[]> perEvent = new LinkedHashMap<>(); // invited, answered, sum of scores
        for (FeedbackInvitation invitation : mongo.find(ofProject, FeedbackInvitation.class)) {
            long[] counts = perEvent.computeIfAbsent(invitation.eventId(), id -> new long[3]);
            counts[0]++;
            if (invitation.answered()) {
                counts[1]++;
                counts[2] += invitation.score();
            }
        }
        long[] total = new long[3];
        List<OfEvent> surveyed = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : perEvent.entrySet()) {
            Event event = events.findIfExists(entry.getKey());
            long[] counts = entry.getValue();
            for (int i = 0; i < 3; i++) {
                total[i] += counts[i];
            }
            surveyed.add(new OfEvent(entry.getKey(), event == null ? null : event.title(), event == null ? null : event.endsAt(),
                    Figures.of(counts[0], counts[1], counts[2]), List.of()));
        }
        surveyed.sort(java.util.Comparator.comparing(OfEvent::endsAt, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
        return new OfProject(projectId, Figures.of(total[0], total[1], total[2]), surveyed);
    }

    /**
     * A person asked to be forgotten: their free-text answers go, and nothing ties the scores to them any more; the
     * scores stay, anonymous, in the averages. Returns how many answers were touched; repeating it changes nothing more.
     */
    public long forget(List<String> emailHashes) {
        return mongo.updateMulti(new Query(Criteria.where("emailHash").in(emailHashes)),
                new Update().unset("text").unset("emailHash"), FeedbackInvitation.class).getModifiedCount();
    }

    /** The person's surveys and answers, for their data export. */
    public List<Map<String, Object>> of(String emailHash) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (FeedbackInvitation invitation : mongo.find(new Query(Criteria.where("emailHash").is(emailHash))
                .with(Sort.by("invitedAt")), FeedbackInvitation.class)) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("eventId", invitation.eventId());
            line.put("invitedAt", invitation.invitedAt());
            line.put("answeredAt", invitation.answeredAt());
            line.put("score", invitation.score());
            line.put("text", invitation.text());
            found.add(line);
        }
        return found;
    }
}
