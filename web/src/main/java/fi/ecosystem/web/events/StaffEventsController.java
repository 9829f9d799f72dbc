package fi.ecosystem.web.events;

import fi.ecosystem.platform.security.CityUser;
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
import java.util.ArrayList;
import java.util.Comparator;
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

    static final List<String> TYPES = List.of("GROWTH_PROGRAMME", "WEBINAR", "SEMINAR", "WORKSHOP", "MATCHMAKING");
    static final List<String> STATUSES = List.of("DRAFT", "PUBLISHED", "CANCELLED", "COMPLETED");
    /** Names on one check-in page: a long scroll on a phone is still quicker than paging while people queue. */
    static final int CHECK_IN_PAGE = 100;
    /** Up to 10,000 registrations for the check-in's search (the largest events have a few thousand). */
    static final int MAX_REGISTRATION_PAGES = 20;

    private final ServiceClient events;
    private final ServiceClient projects;
    private final Formats fmt;
    private final org.springframework.context.MessageSource messages;

    StaffEventsController(@Qualifier("eventsService") ServiceClient events, @Qualifier("projectsService") ServiceClient projects,
            Formats fmt, org.springframework.context.MessageSource messages) {
        this.events = events;
        this.projects = projects;
        this.fmt = fmt;
        this.messages = messages;
    }

    @GetMapping("/app/events")
    String list(@RequestParam(required = false) String month, @RequestParam(defaultValue = "list") String view,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        String state = status != null && STATUSES.contains(status) ? status : null;
        boolean calendar = "calendar".equals(view);
        YearMonth shownMonth = parseMonth(month);
        UriComponentsBuilder search = UriComponentsBuilder.fromPath("/api/events");
        if (state != null) {
            search.queryParam("status", state);
        }
        if (calendar) {
            // the month's events come first in start order; a month of more than a full page is not a calendar anyone reads
            search.queryParam("from", shownMonth.atDay(1).atStartOfDay(Formats.HELSINKI).toInstant()).queryParam("size", 200);
        } else {
            search.queryParam("size", Pager.SIZE).queryParam("page", Math.max(0, page));
        }
        Map<String, Object> answer = events.get(search.build().encode().toUriString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shown = (List<Map<String, Object>>) answer.getOrDefault("items", List.of());
        model.addAttribute("events", shown);
        model.addAttribute("status", state);
        model.addAttribute("view", calendar ? "calendar" : "list");
        if (!calendar) {
            UriComponentsBuilder here = UriComponentsBuilder.fromPath("/app/events");
            if (state != null) {
                here.queryParam("status", state);
            }
            model.addAttribute("pager", Pager.of(answer, here));
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
            Map<String, Object> created = events.post(form.toRequest(), "/api/events");
            return "redirect:/app/events/" + created.get("id") + "?created";
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
        Map<String, Object> event = events.get("/api/events/{id}", id);
        List<Map<String, Object>> registrations = List.of();
        try {
            Map<String, Object> answer = events.get("/api/events/{id}/registrations?size={size}&page={page}", id, Pager.SIZE,
                    Math.max(0, page));
            registrations = items(answer);
            Pager pager = Pager.of(answer, UriComponentsBuilder.fromPath("/app/events/{id}").fragment("registrations")
                    .uriVariables(Map.of("id", id)));
            model.addAttribute("pager", pager);
            // the whole list on one page counts every state; a longer one counts what the event itself keeps count of
            model.addAttribute("counts", pager.several() ? eventCounts(event) : counts(registrations));
        } catch (ServiceProblem problem) {
            if (problem.status() != 403) {
                throw problem;
            }
            model.addAttribute("registrationsHidden", true); // the event, but not its people: that needs a role
            model.addAttribute("counts", counts(registrations));
        }
        model.addAttribute("event", event);
        model.addAttribute("registrations", registrations);
        model.addAttribute("waitingOrder", waitingOrder(registrations));
        model.addAttribute("questions", Questions.of(event).all());
        model.addAttribute("project", projectOrNull((String) event.get("projectId")));
        if (created != null) {
            model.addAttribute("flash", "event.created");
        }
        return "app/events/event";
    }

    private static Map<String, Integer> eventCounts(Map<String, Object> event) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("CONFIRMED", event.get("confirmedCount") instanceof Number n ? n.intValue() : 0);
        counts.put("WAITLISTED", event.get("waitlistedCount") instanceof Number n ? n.intValue() : 0);
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> answer) {
        return answer.get("items") instanceof List<?> items ? (List<Map<String, Object>>) items : List.of();
    }

    @GetMapping("/app/events/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        Map<String, Object> event = events.get("/api/events/{id}", id);
        model.addAttribute("form", EventForm.of(event, fmt).withEmptyRows());
        return eventForm(event, model);
    }

    @PostMapping("/app/events/{id}")
    String save(@PathVariable String id, @Valid @ModelAttribute("form") EventForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Map<String, Object> event = events.get("/api/events/{id}", id);
        form.check(result);
        if (result.hasErrors()) {
            return eventForm(event, model);
        }
        try {
            events.put(form.toRequest(), "/api/events/{id}", id);
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
            events.post(null, "/api/events/{id}/" + action, id);
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
            events.post(null, "/api/events/{id}/certificates/send", id);
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
        return participantForm(events.get("/api/events/{id}", id), model);
    }

    @PostMapping("/app/events/{id}/registrations")
    String register(@PathVariable String id, @Valid @ModelAttribute("form") ParticipantForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Map<String, Object> event = events.get("/api/events/{id}", id);
        Questions questions = Questions.of(event);
        questions.check(form.getAnswers(), result);
        if (result.hasErrors()) {
            return participantForm(event, model);
        }
        try {
            Map<String, Object> registration = events.post(form.toRequest(questions, form.getLanguage()), "/api/events/{id}/registrations", id);
            redirect.addFlashAttribute("flash", "WAITLISTED".equals(registration.get("status"))
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
        events.post(null, "/api/events/{id}/registrations/{registrationId}/cancel", id, registrationId);
        redirect.addFlashAttribute("flash", "participant.cancelled");
        return "redirect:/app/events/" + id + "#registrations";
    }

    @GetMapping("/app/events/{id}/import")
    String importForm(@PathVariable String id, Model model) {
        model.addAttribute("event", events.get("/api/events/{id}", id));
        return "app/events/import";
    }

    @PostMapping("/app/events/{id}/import")
    String importCsv(@PathVariable String id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String csv, Model model) throws IOException {
        Map<String, Object> event = events.get("/api/events/{id}", id);
        model.addAttribute("event", event);
        byte[] content = file != null && !file.isEmpty() ? file.getBytes()
                : csv != null && !csv.isBlank() ? csv.getBytes(StandardCharsets.UTF_8) : null;
        if (content == null) {
            model.addAttribute("importError", "import.empty");
            return "app/events/import";
        }
        try {
            Map<String, Object> report = events.postRaw(content, new MediaType("text", "csv", StandardCharsets.UTF_8),
                    "/api/events/{id}/registrations/import", id);
            Map<String, Object> summary = new LinkedHashMap<>();
            List<List<Map<String, Object>>> rows = new ArrayList<>();
            report.forEach((key, value) -> {
                if (value instanceof List<?> list) {
                    if (!list.isEmpty() && list.get(0) instanceof Map) {
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> table = (List<Map<String, Object>>) list;
                        rows.add(table);
                    }
                } else if (!(value instanceof Map)) {
                    summary.put(key, value);
                }
            });
            model.addAttribute("report", report);
            model.addAttribute("summary", summary);
            model.addAttribute("rowTables", rows);
        } catch (ServiceProblem problem) {
            model.addAttribute("importError", problem.notOffered() ? "service.notOffered" : "import.refused");
            model.addAttribute("importDetail", problem.getMessage());
        }
        return "app/events/import";
    }

    @GetMapping("/app/events/{id}/check-in")
    String checkIn(@PathVariable String id, @RequestParam(required = false) String session,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Object> event = events.get("/api/events/{id}", id);
        List<Map<String, Object>> present = new ArrayList<>();
        for (Map<String, Object> registration : allRegistrations(id)) {
            Object status = registration.get("status");
            boolean holdsPlace = "CONFIRMED".equals(status) || "ATTENDED".equals(status) || "NO_SHOW".equals(status);
            if (holdsPlace && matches(registration, q)) {
                present.add(registration);
            }
        }
        present.sort(Comparator.comparing(registration -> (String.valueOf(registration.get("lastName"))
                + " " + registration.get("firstName")).toLowerCase()));
        model.addAttribute("event", event);
        if ((session == null || session.isBlank()) && event.get("sessions") instanceof List<?> sessions && sessions.size() > 1) {
            session = sessionOfToday(sessions);
        }
        int shownPage = Math.max(0, Math.min(page, Math.max(0, (present.size() - 1) / CHECK_IN_PAGE)));
        List<Map<String, Object>> shown = present.subList(Math.min(present.size(), shownPage * CHECK_IN_PAGE),
                Math.min(present.size(), (shownPage + 1) * CHECK_IN_PAGE));
        UriComponentsBuilder here = UriComponentsBuilder.fromPath("/app/events/{id}/check-in").uriVariables(Map.of("id", id));
        if (session != null && !session.isBlank()) {
            here.queryParam("session", session);
        }
        if (q != null && !q.isBlank()) {
            here.queryParam("q", q);
        }
        model.addAttribute("pager", Pager.of(shownPage, CHECK_IN_PAGE, present.size(), shown.size(), here));
        model.addAttribute("sessionId", session);
        model.addAttribute("q", q);
        model.addAttribute("participants", shown);
        return "app/events/check-in";
    }

    /** Every registration of the event, a service page at a time: check-in searches and sorts them all by name. */
    private List<Map<String, Object>> allRegistrations(String id) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; page < MAX_REGISTRATION_PAGES; page++) {
            Map<String, Object> answer = events.get("/api/events/{id}/registrations?size=500&page={page}", id, page);
            all.addAll(items(answer));
            if (!(answer.get("totalPages") instanceof Number pages) || page + 1 >= pages.intValue()) {
                break;
            }
        }
        return all;
    }

    @PostMapping("/app/events/{id}/check-in/{registrationId}")
    String mark(@PathVariable String id, @PathVariable String registrationId, @RequestParam boolean attended,
            @RequestParam(required = false) String session, @RequestParam(required = false) String q,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("attended", attended);
        if (session != null && !session.isBlank()) {
            body.put("sessionId", session);
        }
        Map<String, Object> registration = events.post(body, "/api/events/{id}/registrations/{registrationId}/attendance",
                id, registrationId);
        redirect.addFlashAttribute("checkedIn", registration.get("firstName") + " " + registration.get("lastName"));
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

    private String eventForm(Map<String, Object> event, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("types", options(TYPES, "eventType."));
        model.addAttribute("questionKinds", options(List.of("TEXT", "CHOICE", "CONSENT"), "questionKind."));
        model.addAttribute("consentPurposes", options(List.of("NEWSLETTER", "EVENT_COMMUNICATION", "RESEARCH"), "consentPurpose."));
        if (event == null) {
            model.addAttribute("projectOptions", projectOptions());
        }
        return "app/events/form";
    }

    private String participantForm(Map<String, Object> event, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("questions", Questions.of(event).all());
        return "app/events/participant";
    }

    /** The projects an organiser may create events in: their city's projects, by name, with their status. */
    private Map<String, String> projectOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        try {
            for (Map<String, Object> project : projects.items("/api/projects?size=200&sort=name")) {
                String status = messages.getMessage("projectStatus." + project.get("status"), null, "",
                        org.springframework.context.i18n.LocaleContextHolder.getLocale());
                options.put(String.valueOf(project.get("id")), fmt.text(project.get("name"))
                        + (status.isEmpty() ? "" : " (" + status.toLowerCase(java.util.Locale.ROOT) + ")"));
            }
        } catch (ServiceUnavailable unavailable) {
            // the select is empty and the page says the projects service is not answering
        }
        return options;
    }

    private Map<String, Object> projectOrNull(String projectId) {
        try {
            return projectId == null ? null : projects.get("/api/projects/{id}", projectId);
        } catch (ServiceProblem | ServiceUnavailable notShown) {
            return null;
        }
    }

    Map<String, String> options(List<String> values, String prefix) {
        Map<String, String> options = new LinkedHashMap<>();
        values.forEach(value -> options.put(value, messages.getMessage(prefix + value, null, value,
                org.springframework.context.i18n.LocaleContextHolder.getLocale())));
        return options;
    }

    /** registration id → place in the waiting list (1 = next to get a place), in the order they came. */
    static Map<String, Integer> waitingOrder(List<Map<String, Object>> registrations) {
        Map<String, Integer> order = new LinkedHashMap<>();
        for (Map<String, Object> registration : registrations) {
            if ("WAITLISTED".equals(registration.get("status"))) {
                order.put(String.valueOf(registration.get("id")), order.size() + 1);
            }
        }
        return order;
    }

    static Map<String, Integer> counts(List<Map<String, Object>> registrations) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String status : List.of("CONFIRMED", "WAITLISTED", "ATTENDED", "NO_SHOW", "CANCELLED")) {
            counts.put(status, 0);
        }
        registrations.forEach(registration -> counts.merge(String.valueOf(registration.get("status")), 1, Integer::sum));
        return counts;
    }

    private static boolean matches(Map<String, Object> registration, String q) {
        if (q == null || q.isBlank()) {
            return true;
        }
        String who = (registration.get("firstName") + " " + registration.get("lastName") + " " + registration.get("email")
                + " " + registration.get("organisationName")).toLowerCase();
        for (String word : q.toLowerCase().trim().split("\\s+")) {
            if (!who.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** A programme's check-in opens on today's session, or on the first one. */
    private static String sessionOfToday(List<?> sessions) {
        LocalDate today = LocalDate.now(Formats.HELSINKI);
        Object first = null;
        for (Object item : sessions) {
            if (item instanceof Map<?, ?> session) {
                first = first == null ? session.get("id") : first;
                Object startsAt = session.get("startsAt");
                if (startsAt != null && java.time.Instant.parse(String.valueOf(startsAt)).atZone(Formats.HELSINKI).toLocalDate().equals(today)) {
                    return String.valueOf(session.get("id"));
                }
            }
        }
        return first == null ? null : String.valueOf(first);
    }

    private static YearMonth parseMonth(String month) {
        try {
            return month == null ? YearMonth.now(Formats.HELSINKI) : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException unreadable) {
            return YearMonth.now(Formats.HELSINKI);
        }
    }
}
