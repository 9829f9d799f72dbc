package fi.ecosystem.projects.reporting.web;

import fi.ecosystem.contracts.ItemsPage;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.Pages;
import fi.ecosystem.projects.api.reporting.EvidenceRow;
import fi.ecosystem.projects.api.reporting.NewCorrection;
import fi.ecosystem.projects.api.reporting.NewPeriod;
import fi.ecosystem.projects.api.reporting.PeriodResponse;
import fi.ecosystem.projects.api.reporting.SessionRow;
import fi.ecosystem.projects.reporting.Counting;
import fi.ecosystem.projects.reporting.Figure;
import fi.ecosystem.projects.reporting.ReportingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects/{id}/reporting-periods")
@Tag(name = "Reporting", description = "A project's reporting periods, the indicators counted from evidence, the lists "
        + "behind them and the report pack. Who sees the project sees and exports them; the lead city's project manager "
        + "submits and locks. Errors are application/problem+json.")
@SecurityRequirement(name = "keycloak")
@ApiResponse(responseCode = "404", description = "No such project or period, or the caller's city does not take part",
        content = @Content(mediaType = "application/problem+json"))
class ReportingController {

    static final String LABEL = "\\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?";

    private final ReportingService reporting;
    private final fi.ecosystem.projects.reporting.EvidenceBackfill backfill;

    ReportingController(ReportingService reporting, fi.ecosystem.projects.reporting.EvidenceBackfill backfill) {
        this.reporting = reporting;
        this.backfill = backfill;
    }

    @GetMapping
    @Operation(summary = "The project's reporting periods with their figures",
            description = "The first look creates half-years from the project's start to its end")
    List<PeriodResponse> periods(@Parameter(hidden = true) CityUser user, @PathVariable String id) {
        return reporting.periods(user, id).stream().map(ReportingResponses::period).toList();
    }

    @GetMapping("/{label}")
    @Operation(summary = "One period: its figures, and once locked the locked figures and the corrections since")
    PeriodResponse period(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Pattern(regexp = LABEL) String label) {
        return ReportingResponses.period(reporting.period(user, id, label));
    }

    record Schedule(@NotNull LocalDate startDate, @NotNull LocalDate endDate) {
    }

    @PutMapping("/{label}")
    @Operation(summary = "Change an open period's dates")
    @ApiResponse(responseCode = "409", description = "`reporting-period-not-open` or `reporting-period-invalid`",
            content = @Content(mediaType = "application/problem+json"))
    PeriodResponse reschedule(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Pattern(regexp = LABEL) String label, @Valid @RequestBody Schedule schedule) {
        return ReportingResponses.period(reporting.reschedule(user, id, label, schedule.startDate(), schedule.endDate()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a period", description = "The lead city's project manager (or an admin). Within the "
            + "project's dates and overlapping no other period. Labels as indicator values name periods: 2024, 2024-H1, "
            + "2024-Q3, 2024-09")
    @ApiResponse(responseCode = "409", description = "`reporting-period-exists`, `reporting-period-overlap`, "
            + "`reporting-period-outside-project` or `reporting-period-invalid`",
            content = @Content(mediaType = "application/problem+json"))
    PeriodResponse add(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @Valid @RequestBody NewPeriod period) {
        return ReportingResponses.period(reporting.addPeriod(user, id, period.label(), period.startDate(), period.endDate()));
    }

    @DeleteMapping("/{label}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an open period (its figures not submitted)",
            description = "The lead city's project manager (or an admin); the project's last period stays")
    @ApiResponse(responseCode = "409", description = "`reporting-period-not-open` or `reporting-period-last`",
            content = @Content(mediaType = "application/problem+json"))
    void remove(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Pattern(regexp = LABEL) String label) {
        reporting.removePeriod(user, id, label);
    }

    @PostMapping("/{label}/corrections")
    @Operation(summary = "Correct a locked period's figure by hand, with the reason",
            description = "The locked figure stays; the correction is a dated entry with who made it and why, and the "
                    + "period's reported value adds it. The lead city's project manager (or an admin)")
    @ApiResponse(responseCode = "409", description = "`reporting-period-not-locked` or `reporting-correction-empty`",
            content = @Content(mediaType = "application/problem+json"))
    PeriodResponse correct(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable String label, @Valid @RequestBody NewCorrection correction) {
        // the label is not checked by a pattern here (an unknown one is 404): so the body's errors name their fields
        return ReportingResponses.period(reporting.correct(user, id, label, ReportingResponses.domain(correction.figure()), correction.periodDelta(),
                correction.cumulativeDelta(), correction.reason()));
    }

    @PostMapping("/{label}/submission")
    @Operation(summary = "Submit an open period", description = "The lead city's project manager (or an admin)")
    PeriodResponse submit(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Pattern(regexp = LABEL) String label) {
        return ReportingResponses.period(reporting.submit(user, id, label));
    }

    @PostMapping("/{label}/reopening")
    @Operation(summary = "Reopen a submitted period", description = "The lead city's project manager (or an admin)")
    PeriodResponse reopen(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Pattern(regexp = LABEL) String label) {
        return ReportingResponses.period(reporting.reopen(user, id, label));
    }

    @PostMapping("/{label}/lock")
    @Operation(summary = "Lock a submitted period: its figures never change again",
            description = "Evidence that arrives later for it becomes a dated correction with its reason")
    PeriodResponse lock(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Pattern(regexp = LABEL) String label) {
        return ReportingResponses.period(reporting.lock(user, id, label));
    }

    @GetMapping(value = "/{label}/report.xlsx", produces = fi.ecosystem.platform.web.Spreadsheet.XLSX)
    @Operation(summary = "The report pack's workbook: indicators with target, baseline, period and cumulative value, "
            + "and the events, attendance per session, companies, participants, completions, staff-reported values and "
            + "corrections behind them")
    void workbook(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Pattern(regexp = LABEL) String label,
            @RequestParam(defaultValue = "fi") @Pattern(regexp = "fi|sv|en") String lang,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        ReportingService.Pack pack = reporting.pack(user, id, label, lang);
        response.setContentType(fi.ecosystem.platform.web.Spreadsheet.XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"report-" + label + ".xlsx\"");
        ReportWorkbook.write(pack, lang, response.getOutputStream());
    }

    @GetMapping(value = "/{label}/report.pdf", produces = "application/pdf")
    @Operation(summary = "The report pack's printable summary: the project's details, partners, funding and the "
            + "indicator table of the period with its corrections")
    void summary(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Pattern(regexp = LABEL) String label,
            @RequestParam(defaultValue = "fi") @Pattern(regexp = "fi|sv|en") String lang,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        ReportingService.Pack pack = reporting.pack(user, id, label, lang);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"report-" + label + ".pdf\"");
        ReportSummary.write(pack, lang, response.getOutputStream());
    }

    @PostMapping("/evidence-backfill")
    @Operation(summary = "Read back the evidence from before reporting existed",
            description = "The project's events and their check-ins as events-service holds them now, read with the "
                    + "caller's token and written as the topics would have; idempotent (run it again: nothing changes). "
                    + "What lands in a locked period is a correction with reason `backfill`. The lead city's project "
                    + "manager (or an admin)")
    @ApiResponse(responseCode = "503", description = "`service-unavailable`: events-service did not answer",
            content = @Content(mediaType = "application/problem+json"))
    fi.ecosystem.projects.reporting.EvidenceBackfill.Result backfill(@Parameter(hidden = true) CityUser user,
            @PathVariable String id) {
        return backfill.backfill(user, id);
    }

    @ExceptionHandler(fi.ecosystem.projects.reporting.EvidenceBackfill.Unavailable.class)
    org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> unavailable(
            fi.ecosystem.projects.reporting.EvidenceBackfill.Unavailable e) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).header("Retry-After", "5")
                .body(fi.ecosystem.platform.web.Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", e.getMessage()));
    }

    @GetMapping("/{label}/attendance")
    @Operation(summary = "Check-ins per session of the period's counting events: the attendance behind the figures",
            description = "Each session with the distinct people checked in to it; events marked as not counting left out")
    ItemsPage<SessionRow> attendance(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Pattern(regexp = LABEL) String label,
            @RequestParam(defaultValue = "fi") @Pattern(regexp = "fi|sv|en") String lang,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<SessionRow> rows = reporting.attendancePerSession(user, id, label, lang).stream().map(ReportingResponses::session).toList();
        int from = (int) Math.min((long) page * size, rows.size());
        return Pages.of(new PageImpl<>(rows.subList(from, Math.min(from + size, rows.size())),
                PageRequest.of(page, size), rows.size()), row -> row);
    }

    @GetMapping("/{label}/figures/{figure}")
    @Operation(summary = "The list behind a figure: events, people (by a pseudonymous key), companies or completions",
            description = "`cumulative=true`: everything up to the period's end. Rows that arrived after the lock say so.")
    ItemsPage<EvidenceRow> behind(@Parameter(hidden = true) CityUser user, @PathVariable String id,
            @PathVariable @Pattern(regexp = LABEL) String label, @PathVariable Figure figure,
            @RequestParam(defaultValue = "false") boolean cumulative,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        ReportingService.PeriodReport report = reporting.period(user, id, label);
        List<Counting.Counted> rows = reporting.behind(user, id, label, figure, cumulative);
        int from = (int) Math.min((long) page * size, rows.size());
        List<EvidenceRow> pageRows = rows.subList(from, Math.min(from + size, rows.size())).stream()
                .map(row -> ReportingResponses.evidence(row, report.period().lockedAt())).toList();
        return Pages.of(new PageImpl<>(pageRows, PageRequest.of(page, size), rows.size()), row -> row);
    }
}
