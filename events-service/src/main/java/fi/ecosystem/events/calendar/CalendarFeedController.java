package fi.ecosystem.events.calendar;

import fi.ecosystem.events.event.EventService;
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

    CalendarFeedController(EventService events) {
        this.events = events;
    }

    @GetMapping(value = "/public/events.ics", produces = "text/calendar")
    @Operation(summary = "Published events as an iCalendar feed")
    ResponseEntity<String> feed(@RequestParam(defaultValue = "fi") @Pattern(regexp = "fi|sv|en") String lang) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .body(Calendar.of(events.published(PageRequest.of(0, MAX_EVENTS, Sort.by("startsAt", "_id"))).getContent(),
                        lang, "PUBLISH"));
    }
}
