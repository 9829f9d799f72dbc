package fi.ecosystem.events.calendar;

import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventService;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The published events as a calendar anyone can subscribe to. */
@RestController
@Tag(name = "Public events")
class CalendarFeedController {

    static final int MAX_EVENTS = 500;

    private final EventService events;
    private final String eventPages;

    CalendarFeedController(EventService events, @Value("${ecosystem.public-url}") String publicUrl) {
        this.events = events;
        this.eventPages = publicUrl + "/events/";
    }

    @GetMapping(value = "/public/events.ics", produces = "text/calendar")
    @Operation(summary = "Published events as an iCalendar feed")
    ResponseEntity<String> feed(@RequestParam(defaultValue = "fi") @Pattern(regexp = "fi|sv|en") String lang) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .body(Calendar.of(events.published(PageRequest.of(0, MAX_EVENTS, Sort.by("startsAt", "_id"))).getContent(),
                        lang, "PUBLISH", eventPages));
    }

    /** One published event for "add to calendar": a file the browser downloads and the calendar app opens. */
    @GetMapping(value = "/public/events/{id}/calendar.ics", produces = "text/calendar")
    @Operation(summary = "One published event as an iCalendar file (each session an entry, times in UTC)")
    ResponseEntity<String> event(@PathVariable @Size(max = 100) String id,
            @RequestParam(defaultValue = "fi") @Pattern(regexp = "fi|sv|en") String lang) {
        Event event = events.published(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(id + ".ics").build().toString())
                .body(Calendar.of(List.of(event), lang, "PUBLISH", eventPages));
    }
}
