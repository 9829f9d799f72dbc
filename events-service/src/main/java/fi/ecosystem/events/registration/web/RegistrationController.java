package fi.ecosystem.events.registration.web;

import fi.ecosystem.contracts.ItemsPage;
import fi.ecosystem.events.api.AttendanceRequest;
import fi.ecosystem.events.api.EventsApi;
import fi.ecosystem.events.api.ImportReport;
import fi.ecosystem.events.api.RegisterRequest;
import fi.ecosystem.events.api.RegistrationCounts;
import fi.ecosystem.events.api.RegistrationResponse;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.registration.Consent;
import fi.ecosystem.events.registration.Participant;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationImport;
import fi.ecosystem.events.registration.RegistrationSearch;
import fi.ecosystem.events.registration.RegistrationService;
import fi.ecosystem.events.registration.RegistrationStatus;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.InvalidFields;
import fi.ecosystem.platform.web.Spreadsheet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/events/{eventId}/registrations")
@Tag(name = "Registrations", description = "Participants of an event: confirmed while places last, then waitlisted in order")
@SecurityRequirement(name = "keycloak")
class RegistrationController {

    private final RegistrationService registrations;
    private final RegistrationSearch search;

    RegistrationController(RegistrationService registrations, RegistrationSearch search) {
        this.registrations = registrations;
        this.search = search;
    }

    static RegistrationResponse of(Registration registration, Event event, long position) {
        return new RegistrationResponse(registration.id(), registration.eventId(), registration.email(),
                registration.firstName(), registration.lastName(), registration.organisationName(),
                registration.language(), status(registration.status()), position, registration.answers(),
                registration.consents().stream().map(consent -> new RegistrationResponse.Consent(consent.purpose(),
                        consent.policyVersion(), consent.policyUrl(), consent.givenAt())).toList(),
                registration.attendedSessions(), event.completedBy(registration.attendedSessions()),
                "self".equals(registration.registeredBy()) ? "self" : "organiser", registration.createdAt(),
                registration.businessId(), registration.offeredUntil());
    }

    private static fi.ecosystem.events.api.RegistrationStatus status(RegistrationStatus status) {
        return status == null ? null : fi.ecosystem.events.api.RegistrationStatus.valueOf(status.name());
    }

    private RegistrationResponse response(Registration registration) {
        return of(registration, registrations.eventOf(registration),
                registrations.waitingListPosition(registration));
    }

    @PostMapping
    @Operation(summary = "Register a participant", description = "201 with the new registration, or 200 with the existing one for an e-mail already registered")
    ResponseEntity<RegistrationResponse> register(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @Valid @RequestBody RegisterRequest request) {
        RegistrationService.Outcome outcome = registrations.registerByOrganiser(user, eventId,
                new Participant(request.email(), request.firstName(), request.lastName(),
                        request.organisationName(), request.businessId(), request.language()), request.answers());
        // the event as the registration read it: registering changes nothing of it that the answer shows
        RegistrationResponse body = of(outcome.registration(), outcome.event(),
                registrations.waitingListPosition(outcome));
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/events/" + eventId + "/registrations/" + body.id())).body(body)
                : ResponseEntity.ok(body);
    }

    @PostMapping("/{registrationId}/cancel")
    @Operation(summary = "Cancel a registration", description = "A freed place goes to the first person on the waiting list: "
            + "at once, or as an offer until a deadline when the event offers places (offerHours)")
    RegistrationResponse cancel(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @PathVariable String registrationId) {
        return response(registrations.cancelByOrganiser(user, eventId, registrationId));
    }

    @PostMapping("/{registrationId}/attendance")
    @Operation(summary = "Check in: mark a participant attended (true) or absent (false) in a session",
            description = "sessionId may be left out when the event has one session. A growth programme is completed "
                    + "when enough of its sessions are attended (the event's sessionsToComplete)")
    RegistrationResponse attendance(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @PathVariable String registrationId, @Valid @RequestBody AttendanceRequest request) {
        return response(registrations.markAttendance(user, eventId, registrationId, request.sessionId(), request.attended()));
    }

    static ImportReport report(List<RegistrationService.ImportedRow> rows) {
        List<ImportReport.ImportedRow> report = rows.stream().map(row -> row.outcome() == null
                ? new ImportReport.ImportedRow(row.row(), "rejected", null, null, row.errors().stream()
                        .map(error -> new ImportReport.FieldError(error.field(), error.code(), error.message())).toList())
                : new ImportReport.ImportedRow(row.row(), row.outcome().created() ? "created" : "existing",
                        row.outcome().registration().id(), status(row.outcome().registration().status()), List.of())).toList();
        return new ImportReport(report.size(), count(report, "created"), count(report, "existing"), count(report, "rejected"),
                created(report, fi.ecosystem.events.api.RegistrationStatus.CONFIRMED),
                created(report, fi.ecosystem.events.api.RegistrationStatus.WAITLISTED), report);
    }

    private static int count(List<ImportReport.ImportedRow> report, String outcome) {
        return (int) report.stream().filter(row -> outcome.equals(row.outcome())).count();
    }

    private static int created(List<ImportReport.ImportedRow> report, fi.ecosystem.events.api.RegistrationStatus status) {
        return (int) report.stream().filter(row -> "created".equals(row.outcome()) && row.status() == status).count();
    }

    @PostMapping(value = "/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Register participants from a CSV file, with a report per row",
            description = "First line: the columns (email, firstName, lastName, organisation, language, and for answers each "
                    + "question's text or id), in fi/sv/en; a choice may be answered by its option's text, a consent by yes/no "
                    + "words — as the export writes them. Rows are registered in the file's order; a bad row is reported and "
                    + "skipped; an e-mail already registered is reported as existing. At most 5,000 rows")
    ImportReport importCsv(@Parameter(hidden = true) CityUser user, @PathVariable String eventId, @RequestBody String csv) {
        return report(registrations.importRows(user, eventId, RegistrationImport.parse(csv)));
    }

    @PostMapping(value = "/import", consumes = "multipart/form-data")
    @Operation(summary = "Register participants from an uploaded CSV file (form field 'file'), with a report per row")
    ImportReport importUpload(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @RequestParam("file") MultipartFile file) throws IOException {
        return report(registrations.importRows(user, eventId,
                RegistrationImport.parse(new String(file.getBytes(), StandardCharsets.UTF_8))));
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The registrations as CSV (semicolons, UTF-8 with BOM), in the order they came",
            description = "Headers, statuses and answers in the chosen language; a column per session (attended) and per "
                    + "question (its text; a choice's option text); times in Helsinki as yyyy-MM-dd HH:mm")
    void exportCsv(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @RequestParam(defaultValue = "fi") @Pattern(regexp = "fi|sv|en", message = "must be fi, sv or en") String lang,
            HttpServletResponse response) throws IOException {
        registrations.export(user, eventId, (event, rows) ->
                RegistrationExport.of(event, lang).csv(rows, response, "registrations"));
    }

    @GetMapping(value = "/export.xlsx", produces = Spreadsheet.XLSX)
    @Operation(summary = "The registrations as an Excel workbook", description = "As the CSV; times are date cells")
    void exportXlsx(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @RequestParam(defaultValue = "fi") @Pattern(regexp = "fi|sv|en", message = "must be fi, sv or en") String lang,
            HttpServletResponse response) throws IOException {
        registrations.export(user, eventId, (event, rows) ->
                RegistrationExport.of(event, lang).xlsx(rows, response, "registrations"));
    }

    @GetMapping
    @Operation(summary = "Registrations of an event in the order they came, or by name",
            description = "`status`: only registrations in these states; `q`: only those where each word is found in the "
                    + "first or last name, the e-mail or the organisation (any case); `order`: `arrival` (the default, the "
                    + "waiting list's order) or `name` (last name, first name)")
    ItemsPage<RegistrationResponse> list(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @RequestParam(required = false) Set<RegistrationStatus> status,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = EventsApi.ARRIVAL) @Pattern(regexp = EventsApi.ARRIVAL + "|" + EventsApi.NAME,
                    message = "must be arrival or name") String order,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Sort sort = EventsApi.NAME.equals(order) ? Sort.by("lastName", "firstName", "_id") : Sort.by("createdAt", "_id");
        PageRequest request = PageRequest.of(page, size, sort);
        Page<Registration> found = (status == null || status.isEmpty()) && (q == null || q.isBlank()) && !EventsApi.NAME.equals(order)
                ? registrations.list(user, eventId, request)
                : search.find(user, eventId, status, q, request);
        List<Registration> rows = found.getContent();
        // the event once and the places in the waiting list per page, not per row
        Event event = rows.isEmpty() ? null : registrations.eventOf(rows.get(0));
        boolean wholeSpan = !EventsApi.NAME.equals(order) && (q == null || q.isBlank())
                && (status == null || status.isEmpty() || status.contains(RegistrationStatus.WAITLISTED));
        Map<String, Long> positions = registrations.waitingListPositions(rows, wholeSpan);
        return new ItemsPage<>(rows.stream().map(registration -> of(registration, event, positions.get(registration.id()))).toList(),
                found.getNumber(), found.getSize(),
                found.getTotalElements(), found.getTotalPages());
    }

    @GetMapping("/counts")
    @Operation(summary = "How many of the event's registrations are in each state (every state named)")
    RegistrationCounts counts(@Parameter(hidden = true) CityUser user, @PathVariable String eventId) {
        Map<fi.ecosystem.events.api.RegistrationStatus, Long> counts = new EnumMap<>(fi.ecosystem.events.api.RegistrationStatus.class);
        search.counts(user, eventId).forEach((state, count) -> counts.put(status(state), count));
        return new RegistrationCounts(counts);
    }
}
