package fi.ecosystem.web.events;

import fi.ecosystem.contracts.ItemsPage;
import fi.ecosystem.events.api.AttendanceRequest;
import fi.ecosystem.events.api.ConsentPurpose;
import fi.ecosystem.events.api.EventResponse;
import fi.ecosystem.events.api.EventStatus;
import fi.ecosystem.events.api.EventType;
import fi.ecosystem.events.api.EventsApi;
import fi.ecosystem.events.api.ImportReport;
import fi.ecosystem.events.api.QuestionKind;
import fi.ecosystem.events.api.RegistrationResponse;
import fi.ecosystem.events.api.RegistrationStatus;
import fi.ecosystem.web.projects.EventProjects;
import fi.ecosystem.web.support.Formats;
import fi.ecosystem.web.support.Forms;
import fi.ecosystem.web.support.Pager;
import fi.ecosystem.web.support.ServiceClient;
import fi.ecosystem.web.support.ServiceProblem;
import fi.ecosystem.web.support.ServiceUnavailable;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Organisers' events: list and month calendar, create and edit, publish, the registrations with the
 * waiting list, registering someone, bulk import from CSV, check-in on a phone and the downloads.
 */
@Controller
class StaffEventsController {

    /** Names on one check-in page: a long scroll on a phone is still quicker than paging while people queue. */
    static final int CHECK_IN_PAGE = 100;

    private final EventsApi eventsApi;
    /** only for the downloads, which are files rather than JSON */
    private final ServiceClient events;
    private final EventProjects eventProjects;
    private final Formats fmt;
    private final org.springframework.context.MessageSource messages;

    StaffEventsController(EventsApi eventsApi, @Qualifier("eventsService") ServiceClient events,
            EventProjects eventProjects, Formats fmt, org.springframework.context.MessageSource messages) {
        this.eventsApi = eventsApi;
        this.events = events;
        this.eventProjects = eventProjects;
        this.fmt = fmt;
        this.messages = messages;
    }

    @GetMapping("/app/events")
    String list(@RequestParam(required = false) String month, @RequestParam(defaultValue = "list") String view,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        EventStatus state = Arrays.stream(EventStatus.values()).filter(value -> value.name().equals(status)).findFirst().orElse(null);
        boolean calendar = "calendar".equals(view);
        YearMonth shownMonth = parseMonth(month);
        // the month's events come first in start order; a month of more than a full page is not a calendar anyone reads
        ItemsPage<EventResponse> answer = calendar
                ? eventsApi.list(shownMonth.atDay(1).atStartOfDay(Formats.HELSINKI).toInstant(), states(state), null, null, 200)
                : eventsApi.list(null, states(state), null, Math.max(0, page), Pager.SIZE);
        List<EventResponse> shown = answer.items();
        model.addAttribute("events", shown);
        model.addAttribute("status", state == null ? null : state.name());
        model.addAttribute("statuses", EventStatus.values());
        model.addAttribute("view", calendar ? "calendar" : "list");
        if (!calendar) {
            UriComponentsBuilder here = UriComponentsBuilder.fromPath("/app/events");
            if (state != null) {
                here.queryParam("status", state);
            }
            model.addAttribute("pager", Pager.of(answer.page(), answer.size(), answer.totalItems(), shown.size(), here));
        }
        model.addAttribute("calendar", Calendar.of(shownMonth, shown, LocalDate.now(Formats.HELSINKI)));
        return "app/events/list";
    }

    @GetMapping("/app/events/new")
    String newEvent(@RequestParam(required = false) String projectId, Model model) {
        EventForm form = new EventForm();
        form.setProjectId(projectId);
        model.addAttribute("form", form.withEmptyRows());
        return eventForm(null, model);
    }

    @PostMapping("/app/events")
    String create(@Valid @ModelAttribute("form") EventForm form, BindingResult result, Model model) {
        form.check(result);
        if (result.hasErrors()) {
            return eventForm(null, model);
        }
        try {
            return "redirect:/app/events/" + eventsApi.draft(form.toRequest()).id() + "?created";
        } catch (ServiceProblem problem) {
            Forms.reject(result, problem, EventForm::formField);
            return eventForm(null, model);
        } catch (ServiceUnavailable unavailable) {
            result.reject("service.unavailable");
            return eventForm(null, model);
        }
    }

    @GetMapping("/app/events/{id}")
    String event(@PathVariable String id, @RequestParam(required = false) String created,
            @RequestParam(defaultValue = "0") int page, Model model) {
        EventResponse event = eventsApi.get(id);
        List<RegistrationResponse> registrations = List.of();
        try {
            ItemsPage<RegistrationResponse> answer = eventsApi.registrations(id, null, null, null, Math.max(0, page), Pager.SIZE);
            registrations = answer.items();
            model.addAttribute("pager", Pager.of(answer.page(), answer.size(), answer.totalItems(), registrations.size(),
                    UriComponentsBuilder.fromPath("/app/events/{id}").fragment("registrations").uriVariables(Map.of("id", id))));
            model.addAttribute("counts", shownCounts(eventsApi.counts(id).byStatus()));
        } catch (ServiceProblem problem) {
            if (problem.status() != 403) {
                throw problem;
            }
            model.addAttribute("registrationsHidden", true); // the event, but not its people: that needs a role
            model.addAttribute("counts", shownCounts(Map.of()));
        }
        model.addAttribute("event", event);
        model.addAttribute("registrations", registrations);
        model.addAttribute("questions", event.questions());
        model.addAttribute("project", eventProjects.projectOrNull(event.projectId()));
        if (created != null) {
            model.addAttribute("flash", "event.created");
        }
        return "app/events/event";
    }

    @GetMapping("/app/events/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        EventResponse event = eventsApi.get(id);
        model.addAttribute("form", EventForm.of(event, fmt).withEmptyRows());
        return eventForm(event, model);
    }

    @PostMapping("/app/events/{id}")
    String save(@PathVariable String id, @Valid @ModelAttribute("form") EventForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        EventResponse event = eventsApi.get(id);
        form.check(result);
        if (result.hasErrors()) {
            return eventForm(event, model);
        }
        try {
            eventsApi.edit(id, form.toRequest());
            redirect.addFlashAttribute("flash", "event.saved");
            return "redirect:/app/events/" + id;
        } catch (ServiceProblem problem) {
            if (problem.notOffered()) {
                result.reject("service.notOffered");
            } else {
                Forms.reject(result, problem, EventForm::formField);
            }
            return eventForm(event, model);
        } catch (ServiceUnavailable unavailable) {
            result.reject("service.unavailable");
            return eventForm(event, model);
        }
    }

    /** publish, cancel, complete: one button each on the event's page. */
    @PostMapping("/app/events/{id}/{action:publish|cancel|complete}")
    String lifecycle(@PathVariable String id, @PathVariable String action, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "publish" -> eventsApi.publish(id);
                case "cancel" -> eventsApi.cancel(id);
                default -> eventsApi.complete(id);
            }
            redirect.addFlashAttribute("flash", switch (action) {
                case "publish" -> "event.published";
                case "cancel" -> "event.cancelled";
                default -> "event.completed";
            });
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem.notOffered() ? "service.notOffered" : "problem." + problem.code());
            redirect.addFlashAttribute("problemDetail", problem.getMessage());
        }
        return "redirect:/app/events/" + id;
    }

    /** A completed growth programme: every participant who completed it gets their certificate of attendance by mail. */
    @PostMapping("/app/events/{id}/certificates/send")
    String sendCertificates(@PathVariable String id, RedirectAttributes redirect) {
        try {
            eventsApi.sendCertificates(id);
            redirect.addFlashAttribute("flash", "certificate.sent");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem.notOffered() ? "service.notOffered" : "problem." + problem.code());
            redirect.addFlashAttribute("problemDetail", problem.getMessage());
        }
        return "redirect:/app/events/" + id;
    }

    @GetMapping("/app/events/{id}/registrations/new")
    String newParticipant(@PathVariable String id, Model model) {
        model.addAttribute("form", new ParticipantForm());
        return participantForm(eventsApi.get(id), model);
    }

    @PostMapping("/app/events/{id}/registrations")
    String register(@PathVariable String id, @Valid @ModelAttribute("form") ParticipantForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        EventResponse event = eventsApi.get(id);
        Questions questions = Questions.of(event.questions());
        questions.check(form.getAnswers(), result);
        if (result.hasErrors()) {
            return participantForm(event, model);
        }
        try {
            RegistrationResponse registration = eventsApi.register(id, form.toRequest(questions, form.getLanguage()));
            redirect.addFlashAttribute("flash", registration.status() == RegistrationStatus.WAITLISTED
                    ? "participant.waitlisted" : "participant.registered");
            return "redirect:/app/events/" + id;
        } catch (ServiceProblem problem) {
            Forms.reject(result, problem, PersonForm::formField);
            return participantForm(event, model);
        } catch (ServiceUnavailable unavailable) {
            result.reject("service.unavailable");
            return participantForm(event, model);
        }
    }

    @PostMapping("/app/events/{id}/registrations/{registrationId}/cancel")
    String cancelRegistration(@PathVariable String id, @PathVariable String registrationId, RedirectAttributes redirect) {
        eventsApi.cancelRegistration(id, registrationId);
        redirect.addFlashAttribute("flash", "participant.cancelled");
        return "redirect:/app/events/" + id + "#registrations";
    }

    @GetMapping("/app/events/{id}/import")
    String importForm(@PathVariable String id, Model model) {
        model.addAttribute("event", eventsApi.get(id));
        return "app/events/import";
    }

    @PostMapping("/app/events/{id}/import")
    String importCsv(@PathVariable String id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String csv, Model model) throws IOException {
        model.addAttribute("event", eventsApi.get(id));
        String content = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8)
                : csv != null && !csv.isBlank() ? csv : null;
        if (content == null) {
            model.addAttribute("importError", "import.empty");
            return "app/events/import";
        }
        try {
            ImportReport report = eventsApi.importCsv(id, content);
            Map<String, Integer> summary = new LinkedHashMap<>();
            summary.put("rows", report.rows());
            summary.put("created", report.created());
            summary.put("existing", report.existing());
            summary.put("rejected", report.rejected());
            summary.put("confirmed", report.confirmed());
            summary.put("waitlisted", report.waitlisted());
            model.addAttribute("report", report);
            model.addAttribute("summary", summary);
        } catch (ServiceProblem problem) {
            model.addAttribute("importError", problem.notOffered() ? "service.notOffered" : "import.refused");
            model.addAttribute("importDetail", problem.getMessage());
        }
        return "app/events/import";
    }

    @GetMapping("/app/events/{id}/check-in")
    String checkIn(@PathVariable String id, @RequestParam(required = false) String session,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        EventResponse event = eventsApi.get(id);
        model.addAttribute("event", event);
        if ((session == null || session.isBlank()) && event.sessions().size() > 1) {
            session = sessionOfToday(event.sessions());
        }
        // those holding a place, by name, matching the words typed at the desk: the service filters, sorts and pages
        ItemsPage<RegistrationResponse> present = eventsApi.registrations(id, RegistrationStatus.HOLDING_A_PLACE,
                q == null || q.isBlank() ? null : q, EventsApi.NAME, Math.max(0, page), CHECK_IN_PAGE);
        List<RegistrationResponse> shown = present.items();
        UriComponentsBuilder here = UriComponentsBuilder.fromPath("/app/events/{id}/check-in").uriVariables(Map.of("id", id));
        if (session != null && !session.isBlank()) {
            here.queryParam("session", session);
        }
        if (q != null && !q.isBlank()) {
            here.queryParam("q", q);
        }
        model.addAttribute("pager", Pager.of(present.page(), CHECK_IN_PAGE, present.totalItems(), shown.size(), here));
        model.addAttribute("sessionId", session);
        model.addAttribute("q", q);
        model.addAttribute("participants", shown);
        return "app/events/check-in";
    }

    @PostMapping("/app/events/{id}/check-in/{registrationId}")
    String mark(@PathVariable String id, @PathVariable String registrationId, @RequestParam boolean attended,
            @RequestParam(required = false) String session, @RequestParam(required = false) String q,
            RedirectAttributes redirect) {
        RegistrationResponse registration = eventsApi.attendance(id, registrationId,
                new AttendanceRequest(session == null || session.isBlank() ? null : session, attended));
        redirect.addFlashAttribute("checkedIn", registration.firstName() + " " + registration.lastName());
        redirect.addFlashAttribute("flash", attended ? "checkIn.marked" : "checkIn.unmarked");
        if (session != null && !session.isBlank()) {
            redirect.addAttribute("session", session);
        }
        if (q != null && !q.isBlank()) {
            redirect.addAttribute("q", q);
        }
        return "redirect:/app/events/" + id + "/check-in";
    }

    /** The service's file in the page's language, passed on as it comes: a big event's list is never held here whole. */
    @GetMapping("/app/events/{id}/registrations.{format:csv|xlsx}")
    void download(@PathVariable String id, @PathVariable String format, jakarta.servlet.http.HttpServletResponse response) {
        events.stream((type, body) -> {
            response.setContentType(type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type.toString());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                    .filename("registrations-" + id + "." + format).build().toString());
            body.transferTo(response.getOutputStream());
        }, "/api/events/{id}/registrations/export.{format}?lang={lang}", id, format, Formats.language());
    }

    private String eventForm(EventResponse event, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("types", options(EventType.values(), "eventType."));
        model.addAttribute("questionKinds", options(QuestionKind.values(), "questionKind."));
        model.addAttribute("consentPurposes", options(ConsentPurpose.values(), "consentPurpose."));
        if (event == null) {
            model.addAttribute("projectOptions", eventProjects.options());
        }
        return "app/events/form";
    }

    private String participantForm(EventResponse event, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("questions", event.questions());
        return "app/events/participant";
    }

    Map<String, String> options(Enum<?>[] values, String prefix) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            options.put(value.name(), messages.getMessage(prefix + value.name(), null, value.name(),
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
        return options;
    }

    /** The service's counts in the order the page reads them: who comes, who waits, then what happened. */
    private static Map<RegistrationStatus, Long> shownCounts(Map<RegistrationStatus, Long> counts) {
        Map<RegistrationStatus, Long> shown = new LinkedHashMap<>();
        for (RegistrationStatus status : List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED, RegistrationStatus.WAITLISTED,
                RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW, RegistrationStatus.CANCELLED)) {
            shown.put(status, counts.getOrDefault(status, 0L));
        }
        return shown;
    }

    private static java.util.Set<EventStatus> states(EventStatus state) {
        return state == null ? null : java.util.Set.of(state);
    }

    /** A programme's check-in opens on today's session, or on the first one. */
    private static String sessionOfToday(List<EventResponse.SessionResponse> sessions) {
        LocalDate today = LocalDate.now(Formats.HELSINKI);
        return sessions.stream().filter(session -> session.startsAt() != null
                        && session.startsAt().atZone(Formats.HELSINKI).toLocalDate().equals(today))
                .findFirst().or(() -> sessions.stream().findFirst()).map(EventResponse.SessionResponse::id).orElse(null);
    }

    private static YearMonth parseMonth(String month) {
        try {
            return month == null ? YearMonth.now(Formats.HELSINKI) : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException unreadable) {
            return YearMonth.now(Formats.HELSINKI);
        }
    }
}
