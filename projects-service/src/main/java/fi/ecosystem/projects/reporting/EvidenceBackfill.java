package fi.ecosystem.projects.reporting;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.contracts.events.EventChanged;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.projects.project.Project;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evidence from before reporting existed: the project's events and their check-ins as events-service holds them now,
 * read over its API with the caller's own token (so events-service applies its access rule, and a caller who may not
 * see an event's people backfills nothing of them) and written as the topics would have. Idempotent: events are
 * replaced by their id as every message does, a check-in is written only if none of that registration and session
 * exists. What lands in a locked period becomes a correction, reason {@code backfill}.
 */
@Service
public class EvidenceBackfill {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int PAGE = 200;

    private final ReportingService reporting;
    private final Evidence evidence;
    private final RestClient events;

    EvidenceBackfill(ReportingService reporting, Evidence evidence, RestClient.Builder builder,
            @Value("${ecosystem.reporting.events-service-url}") String eventsServiceUrl) {
        this.reporting = reporting;
        this.evidence = evidence;
        this.events = builder.baseUrl(eventsServiceUrl).requestInterceptor(relayToken()).build();
    }

    /** What the backfill found: the project's events and the check-ins that were new here. */
    public record Result(int events, int newCheckIns) {
    }

    record Session(String id, Instant startsAt, Instant endsAt) {
    }

    record EventRow(String id, String projectId, String type, LocalizedText title, String status, String organisingCity,
            int capacity, Instant startsAt, Instant endsAt, Boolean excludedFromReports, Integer sessionsToComplete,
            List<Session> sessions) {
    }

    record RegistrationRow(String id, String email, String organisationName, String businessId, List<String> attendedSessions) {
    }

    record Page<T>(List<T> items, int totalPages) {
    }

    public Result backfill(CityUser user, String projectId) {
        Project project = reporting.requireLeadManager(user, projectId);
        Instant now = Instant.now();
        int eventCount = 0;
        int checkIns = 0;
        LocalDate earliest = null;
        for (int page = 0; ; page++) {
            Page<EventRow> found = page("/api/events?projectId={project}&page={page}&size={size}", EventRow.class,
                    project.id(), page, PAGE);
            for (EventRow event : found.items()) {
                eventCount++;
                evidence.eventChanged(new EventChanged(event.id(), project.id(), event.type(), event.title(), event.status(),
                        event.organisingCity(), event.capacity(), event.startsAt(), event.excludedFromReports(),
                        event.endsAt(), event.sessionsToComplete()), now);
                for (int registrationPage = 0; ; registrationPage++) {
                    Page<RegistrationRow> attended = page("/api/events/{event}/registrations?status=ATTENDED&page={page}&size=500",
                            RegistrationRow.class, event.id(), registrationPage);
                    for (RegistrationRow registration : attended.items()) {
                        for (String sessionId : registration.attendedSessions() == null ? List.<String>of() : registration.attendedSessions()) {
                            Instant held = heldAt(event, sessionId);
                            if (evidence.backfilled(project.id(), event.id(), registration.id(), sessionId, registration.email(),
                                    registration.businessId(), registration.organisationName(), held, now)) {
                                checkIns++;
                                LocalDate day = held == null ? null : LocalDate.ofInstant(held, EventFact.REPORTING_ZONE);
                                earliest = earliest == null || (day != null && day.isBefore(earliest)) ? day : earliest;
                            }
                        }
                    }
                    if (registrationPage + 1 >= attended.totalPages()) {
                        break;
                    }
                }
            }
            if (page + 1 >= found.totalPages()) {
                break;
            }
        }
        evidence.correctLockedPeriods(project.id(), earliest, Correction.BACKFILL, "backfill");
        return new Result(eventCount, checkIns);
    }

    /** When a session was held (its end), as the day a check-in counts on; the event's end for a session it does not list. */
    private static Instant heldAt(EventRow event, String sessionId) {
        if (event.sessions() != null) {
            for (Session session : event.sessions()) {
                if (session.id().equals(sessionId)) {
                    return session.endsAt() != null ? session.endsAt() : session.startsAt();
                }
            }
        }
        return event.endsAt() != null ? event.endsAt() : event.startsAt();
    }

    /** events-service did not answer as asked (down, or refusing the caller): nothing is half-explained as a 500. */
    public static class Unavailable extends RuntimeException {
        Unavailable(Exception cause) {
            super("events-service did not answer; try again shortly", cause);
        }
    }

    private <T> Page<T> page(String uri, Class<T> row, Object... variables) {
        Map<?, ?> answer;
        try {
            answer = events.get().uri(uri, variables).retrieve().body(Map.class);
        } catch (org.springframework.web.client.RestClientException e) {
            throw new Unavailable(e);
        }
        List<?> items = answer == null || !(answer.get("items") instanceof List<?> list) ? List.of() : list;
        int pages = answer != null && answer.get("totalPages") instanceof Number number ? number.intValue() : 0;
        return new Page<>(items.stream().map(item -> JSON.convertValue(item, row)).toList(), pages);
    }

    private static ClientHttpRequestInterceptor relayToken() {
        return (request, body, execution) -> {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
                request.getHeaders().setBearerAuth(token.getToken().getTokenValue());
            }
            return execution.execute(request, body);
        };
    }
}
