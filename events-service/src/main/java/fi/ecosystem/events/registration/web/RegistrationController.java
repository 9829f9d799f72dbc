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
import java.time.Instant;
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
            @Pattern(regexp = "fi|sv|en") String language) {
    }

    record RegistrationResponse(String id, String eventId, String email, String firstName, String lastName,
            String organisationName, String language, RegistrationStatus status, Instant createdAt) {

        static RegistrationResponse of(Registration registration) {
            return new RegistrationResponse(registration.id(), registration.eventId(), registration.email(),
                    registration.firstName(), registration.lastName(), registration.organisationName(),
                    registration.language(), registration.status(), registration.createdAt());
        }
    }

    @PostMapping
    @Operation(summary = "Register a participant", description = "201 with the new registration, or 200 with the existing one for an e-mail already registered")
    ResponseEntity<RegistrationResponse> register(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @Valid @RequestBody Register request) {
        RegistrationService.Outcome outcome = registrations.registerByOrganiser(user, eventId,
                new RegistrationChanged.Participant(request.email(), request.firstName(), request.lastName(),
                        request.organisationName(), null, request.language()));
        RegistrationResponse body = RegistrationResponse.of(outcome.registration());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/events/" + eventId + "/registrations/" + body.id())).body(body)
                : ResponseEntity.ok(body);
    }

    @PostMapping("/{registrationId}/cancel")
    @Operation(summary = "Cancel a registration", description = "A freed place goes at once to the first person on the waiting list")
    RegistrationResponse cancel(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @PathVariable String registrationId) {
        return RegistrationResponse.of(registrations.cancelByOrganiser(user, eventId, registrationId));
    }

    record Attendance(@jakarta.validation.constraints.NotNull Boolean attended) {
    }

    @PostMapping("/{registrationId}/attendance")
    @Operation(summary = "Check in: mark a participant attended (true) or absent (false)")
    RegistrationResponse attendance(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @PathVariable String registrationId, @Valid @RequestBody Attendance request) {
        return RegistrationResponse.of(registrations.markAttendance(user, eventId, registrationId, request.attended()));
    }

    static final fi.ecosystem.platform.web.Spreadsheet<Registration> EXPORT = new fi.ecosystem.platform.web.Spreadsheet<>(
            "Registrations", java.util.List.of(
                    new fi.ecosystem.platform.web.Spreadsheet.Column<>("status", registration -> registration.status().name()),
                    new fi.ecosystem.platform.web.Spreadsheet.Column<>("firstName", Registration::firstName),
                    new fi.ecosystem.platform.web.Spreadsheet.Column<>("lastName", Registration::lastName),
                    new fi.ecosystem.platform.web.Spreadsheet.Column<>("email", Registration::email),
                    new fi.ecosystem.platform.web.Spreadsheet.Column<>("organisation", Registration::organisationName),
                    new fi.ecosystem.platform.web.Spreadsheet.Column<>("language", Registration::language),
                    new fi.ecosystem.platform.web.Spreadsheet.Column<>("registeredAt", registration -> String.valueOf(registration.createdAt())),
                    new fi.ecosystem.platform.web.Spreadsheet.Column<>("registeredBy", registration ->
                            "self".equals(registration.registeredBy()) ? "self" : "organiser")));

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The registrations as CSV (semicolons, UTF-8 with BOM), in the order they came")
    void exportCsv(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        EXPORT.csv(registrations.export(user, eventId), response, "registrations");
    }

    @GetMapping(value = "/export.xlsx", produces = fi.ecosystem.platform.web.Spreadsheet.XLSX)
    @Operation(summary = "The registrations as an Excel workbook")
    void exportXlsx(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        EXPORT.xlsx(registrations.export(user, eventId), response, "registrations");
    }

    @GetMapping
    @Operation(summary = "Registrations of an event in the order they came")
    PageResponse<RegistrationResponse> list(@Parameter(hidden = true) CityUser user, @PathVariable String eventId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageResponse.of(registrations.list(user, eventId, PageRequest.of(page, size, Sort.by("createdAt", "_id"))),
                RegistrationResponse::of);
    }
}
