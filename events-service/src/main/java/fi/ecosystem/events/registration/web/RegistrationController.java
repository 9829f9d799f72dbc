package fi.ecosystem.events.registration.web;

import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationService;
import fi.ecosystem.events.registration.RegistrationStatus;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.registration.RegistrationImport;
import fi.ecosystem.platform.web.InvalidFields;
import fi.ecosystem.platform.web.Spreadsheet;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.multipart.MultipartFile;
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

@RestController
@RequestMapping("/api/events/{eventId}/registrations")
@Tag(name = "Registrations", description = "Participants of an event: confirmed while places last, then waitlisted in order")
@SecurityRequirement(name = "keycloak")
class RegistrationController {

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    record Register(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Size(max = 200) String organisationName,
            @Pattern(regexp = "fi|sv|en") String language,
            @Size(max = 50) Map<@Size(max = 40) String, @Size(max = 2000) String> answers,
            @Size(max = 20) String businessId) {
    }

    record RegistrationResponse(String id, String eventId, String email, String firstName, String lastName,
            String organisationName, String language, RegistrationStatus status, long waitingListPosition,
            Map<String, String> answers, List<RegistrationChanged.Consent> consents, Set<String> attendedSessions,
            boolean completed, String registeredBy, Instant createdAt, String businessId) {

        static RegistrationResponse of(Registration registration, Event event, long position) {
            return new RegistrationResponse(registration.id(), registration.eventId(), registration.email(),
                    registration.firstName(), registration.lastName(), registration.organisationName(),
                    registration.language(), registration.status(), position, registration.answers(),
                    registration.consents(), registration.attendedSessions(),
                    event.completedBy(registration.attendedSessions()),
                    "self".equals(registration.registeredBy()) ? "self" : "organiser", registration.createdAt(),
                    registration.businessId());
        }
    }

    private RegistrationResponse response(Registration registration) {
        return RegistrationResponse.of(registration, registrations.eventOf(registration),
                registrations.waitingListPosition(registration));
    }

    @PostMapping
    @Operation(summary = "Register a participant", description = "201 with the new registration, or 200 with the existing one for an e-mail already registered")
    ResponseEntity<RegistrationResponse> register(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @Valid @RequestBody Register request) {
        RegistrationService.Outcome outcome = registrations.registerByOrganiser(user, eventId,
                new RegistrationChanged.Participant(request.email(), request.firstName(), request.lastName(),
                        request.organisationName(), request.businessId(), request.language()), request.answers());
        RegistrationResponse body = response(outcome.registration());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/events/" + eventId + "/registrations/" + body.id())).body(body)
                : ResponseEntity.ok(body);
    }

    @PostMapping("/{registrationId}/cancel")
    @Operation(summary = "Cancel a registration", description = "A freed place goes at once to the first person on the waiting list")
    RegistrationResponse cancel(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @PathVariable String registrationId) {
        return response(registrations.cancelByOrganiser(user, eventId, registrationId));
    }

    record Attendance(@Size(max = 40) String sessionId, @NotNull Boolean attended) {
    }

    @PostMapping("/{registrationId}/attendance")
    @Operation(summary = "Check in: mark a participant attended (true) or absent (false) in a session",
            description = "sessionId may be left out when the event has one session. A growth programme is completed "
                    + "when enough of its sessions are attended (the event's sessionsToComplete)")
    RegistrationResponse attendance(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @PathVariable String registrationId, @Valid @RequestBody Attendance request) {
        return response(registrations.markAttendance(user, eventId, registrationId, request.sessionId(), request.attended()));
    }

    /** One row of the import report. */
    record ImportedRow(int line, String outcome, String registrationId, RegistrationStatus status,
            List<InvalidFields.FieldError> errors) {
    }

    record ImportReport(int rows, int created, int existing, int rejected, int confirmed, int waitlisted,
            List<ImportedRow> report) {

        static ImportReport of(List<RegistrationService.ImportedRow> rows) {
            List<ImportedRow> report = rows.stream().map(row -> row.outcome() == null
                    ? new ImportedRow(row.row(), "rejected", null, null, row.errors())
                    : new ImportedRow(row.row(), row.outcome().created() ? "created" : "existing",
                            row.outcome().registration().id(), row.outcome().registration().status(), List.of())).toList();
            return new ImportReport(report.size(), count(report, "created"), count(report, "existing"),
                    count(report, "rejected"),
                    (int) report.stream().filter(row -> "created".equals(row.outcome())
                            && row.status() == RegistrationStatus.CONFIRMED).count(),
                    (int) report.stream().filter(row -> "created".equals(row.outcome())
                            && row.status() == RegistrationStatus.WAITLISTED).count(),
                    report);
        }

        private static int count(List<ImportedRow> report, String outcome) {
            return (int) report.stream().filter(row -> outcome.equals(row.outcome())).count();
        }
    }

    @PostMapping(value = "/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Register participants from a CSV file, with a report per row",
            description = "First line: the columns (email, firstName, lastName, organisation, language, and for answers each "
                    + "question's text or id), in fi/sv/en; a choice may be answered by its option's text, a consent by yes/no "
                    + "words — as the export writes them. Rows are registered in the file's order; a bad row is reported and "
                    + "skipped; an e-mail already registered is reported as existing. At most 5,000 rows")
    ImportReport importCsv(@Parameter(hidden = true) CityUser user, @PathVariable String eventId, @RequestBody String csv) {
        return ImportReport.of(registrations.importRows(user, eventId, RegistrationImport.parse(csv)));
    }

    @PostMapping(value = "/import", consumes = "multipart/form-data")
    @Operation(summary = "Register participants from an uploaded CSV file (form field 'file'), with a report per row")
    ImportReport importUpload(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @RequestParam("file") MultipartFile file) throws IOException {
        return ImportReport.of(registrations.importRows(user, eventId,
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
    @Operation(summary = "Registrations of an event in the order they came")
    PageResponse<RegistrationResponse> list(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageResponse.of(registrations.list(user, eventId, PageRequest.of(page, size, Sort.by("createdAt", "_id"))),
                this::response);
    }
}
