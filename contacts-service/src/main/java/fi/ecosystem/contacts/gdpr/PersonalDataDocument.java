package fi.ecosystem.contacts.gdpr;

import fi.ecosystem.contacts.contact.Scopes;
import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.platform.privacy.PersonalDataReport;
import fi.ecosystem.platform.projectaccess.ProjectAccess;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The export for the person as a document they can read (GDPR art. 15), in their own language: a section per kind
 * of data — contact details and where they came from, roles in projects, registrations for events with the events'
 * names and times, certificates of attendance, consents, the projects' history that mentions them, who handled their data and which cities hold
 * it. Words, names and Helsinki times only: no ids, codes, hashes or search keys (the machine-readable JSON, a
 * separate download, holds everything as stored). A printable HTML page with no scripts or outside resources, so it
 * is saved, printed to PDF or mailed as it is.
 */
@Component
public class PersonalDataDocument {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final String ERASED = "–";

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
    private final ProjectAccessDirectory projects;

    PersonalDataDocument(ProjectAccessDirectory projects) {
        this.projects = projects;
        texts.setBasename("i18n/personal-data-report");
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
        templates.setTemplateEngineMessageSource(texts);
    }

    /**
     * @param holders    the cities that may see something of the person (their projects' cities and their own entries')
     * @param cityNames  city alias → name, for those known
     */
    public String html(PersonalDataExport.Export export, Set<String> holders, Map<String, LocalizedText> cityNames) {
        Words words = new Words(export.language(), texts, cityNames, projects);
        Map<String, List<Map<String, Object>>> own = items(export, "contacts-service");
        Map<String, Object> person = own.getOrDefault("contact", List.of()).stream().findFirst().orElse(Map.of());
        Context context = new Context(words.locale);
        context.setVariable("lang", words.language);
        context.setVariable("generated", words.time(export.generatedAt()));
        context.setVariable("handledBy", export.requestedBy().name() + cities(export.requestedBy().cities(), words));
        context.setVariable("details", details(person, words));
        context.setVariable("sources", sources(person, words));
        Map<String, List<Map<String, Object>>> inProjects = items(export, "projects-service");
        context.setVariable("roles", roles(person, inProjects.getOrDefault("projectContacts", List.of()), words));
        List<Map<String, Object>> registrations = items(export, "events-service").getOrDefault("registrations", List.of());
        context.setVariable("registrations", registrations.stream().map(line -> registration(line, words)).toList());
        context.setVariable("participations", participations(own.getOrDefault("participations", List.of()), registrations, words));
        context.setVariable("certificates", items(export, "events-service").getOrDefault("certificates", List.of()).stream()
                .map(line -> certificate(line, registrations, words)).toList());
        context.setVariable("consents", list(person.get("consents")).stream().map(consent -> consent(consent, words)).toList());
        context.setVariable("projectHistory", inProjects.getOrDefault("auditEntries", List.of()).stream()
                .map(entry -> projectChange(entry, inProjects.getOrDefault("projectContacts", List.of()), words)).toList());
        context.setVariable("handling", own.getOrDefault("privacyAudit", List.of()).stream().map(line -> handling(line, words)).toList());
        context.setVariable("holders", holders.stream().map(words::city).sorted().toList());
        return templates.process("personal-data-report", context);
    }

    /** A row of a two-column table: what and its value. */
    public record Fact(String label, String value) {
    }

    public record Source(String source, String how, String when, String details) {
    }

    public record Role(String project, String role, String organisation, String since) {
    }

    public record Registration(String event, String time, String status, String registeredAt, String registeredBy,
            List<String> attended, List<Fact> answers) {
    }

    public record Participation(String project, String status, String when) {
    }

    /** A certificate of attendance: the programme, when it was issued, and the code the public page confirms. */
    public record Certificate(String programme, String issued, String code) {
    }

    public record Consent(String purpose, String basis, String given, String how, String text, String withdrawn) {
    }

    public record Change(String when, String project, String change, String by) {
    }

    public record Handling(String when, String action, String part, String by) {
    }

    private static List<Fact> details(Map<String, Object> person, Words words) {
        List<Fact> facts = new ArrayList<>();
        add(facts, words.text("field.name"), join(" ", str(person.get("firstName")), str(person.get("lastName"))));
        add(facts, words.text("field.email"), str(person.get("email")));
        add(facts, words.text("field.otherEmails"), String.join(", ", list(person.get("otherEmails"), Object::toString)));
        add(facts, words.text("field.phone"), str(person.get("phone")));
        add(facts, words.text("field.title"), str(person.get("title")));
        add(facts, words.text("field.organisation"), str(person.get("organisationName")));
        add(facts, words.text("field.language"), words.code("language.", str(person.get("language"))));
        add(facts, words.text("field.createdAt"), words.time(person.get("createdAt")));
        add(facts, words.text("field.lastActivityAt"), words.time(person.get("lastActivityAt")));
        add(facts, words.text("field.anonymisedAt"), words.time(person.get("anonymisedAt")));
        return facts;
    }

    /** Each source's own picture of the person: who supplied what, how and when. */
    private static List<Source> sources(Map<String, Object> person, Words words) {
        return list(person.get("entries")).stream().map(entry -> new Source(words.scope(str(entry.get("scope"))),
                words.via(str(entry.get("via"))), words.time(entry.get("at")),
                String.join(", ", nonBlank(join(" ", str(entry.get("firstName")), str(entry.get("lastName"))),
                        str(entry.get("title")), str(entry.get("organisationName")), str(entry.get("email")),
                        str(entry.get("phone")), words.code("language.", str(entry.get("language"))))))).toList();
    }

    /** The roles contacts-service keeps and those the projects' own contact lists give, each once. */
    private static List<Role> roles(Map<String, Object> person, List<Map<String, Object>> projectContacts, Words words) {
        Map<String, Role> roles = new LinkedHashMap<>();
        for (Map<String, Object> role : list(person.get("roles"))) {
            roles.putIfAbsent(str(role.get("projectId")) + "/" + str(role.get("role")), new Role(
                    words.project(str(role.get("projectId")), null), words.role(str(role.get("role"))),
                    str(role.get("organisation")), words.day(role.get("since"))));
        }
        for (Map<String, Object> role : projectContacts) {
            roles.putIfAbsent(str(role.get("projectId")) + "/" + str(role.get("role")), new Role(
                    words.project(str(role.get("projectId")), role.get("projectName")), words.role(str(role.get("role"))),
                    str(role.get("organisation")), ""));
        }
        return List.copyOf(roles.values());
    }

    private static Registration registration(Map<String, Object> line, Words words) {
        Map<String, Object> event = map(line.get("event"));
        Map<String, String> sessionNames = new LinkedHashMap<>();
        List<Map<String, Object>> sessions = list(event.get("sessions"));
        for (int i = 0; i < sessions.size(); i++) {
            Map<String, Object> session = sessions.get(i);
            String title = words.localized(session.get("title"));
            sessionNames.put(str(session.get("id")), join(" ", title.isBlank() && sessions.size() > 1 ? "#" + (i + 1) : title,
                    words.time(session.get("startsAt"))));
        }
        List<String> attended = list(line.get("attendedSessions"), Object::toString).stream()
                .map(id -> sessionNames.getOrDefault(id, "")).filter(name -> !name.isBlank()).toList();
        Map<String, Map<String, Object>> questions = new LinkedHashMap<>();
        list(event.get("questions")).forEach(question -> questions.put(str(question.get("id")), question));
        List<Fact> answers = new ArrayList<>();
        map(line.get("answers")).forEach((id, answer) -> {
            Map<String, Object> question = questions.get(id);
            if (question != null) {
                answers.add(new Fact(words.localized(question.get("label")), answer(question, str(answer), words)));
            }
        });
        return new Registration(words.localized(event.get("title")), words.time(event.get("startsAt")),
                words.code("status.", str(line.get("status"))), words.time(line.get("createdAt")),
                words.text("self".equals(line.get("registeredBy")) ? "registeredBy.self" : "registeredBy.organiser"),
                attended, answers);
    }

    /**
     * The programme is named from the registration the certificate was issued on; the verification code is shown,
     * as it is printed on the person's own certificate and is what the public page confirms.
     */
    private static Certificate certificate(Map<String, Object> line, List<Map<String, Object>> registrations, Words words) {
        String programme = registrations.stream().filter(registration -> str(line.get("registrationId")).equals(str(registration.get("id"))))
                .map(registration -> words.localized(map(registration.get("event")).get("title"))).findFirst().orElse(ERASED);
        return new Certificate(programme, words.time(line.get("issuedAt")), str(line.get("id")));
    }

    private static String answer(Map<String, Object> question, String answer, Words words) {
        return switch (str(question.get("kind"))) {
            case "CHOICE" -> list(question.get("options")).stream().filter(option -> answer.equals(str(option.get("id"))))
                    .map(option -> words.localized(option.get("label"))).findFirst().orElse(answer);
            case "CONSENT" -> words.text("true".equals(answer) ? "yes" : "no");
            default -> answer;
        };
    }

    /** Participation lines whose registration events-service no longer shows (e.g. an event since removed). */
    private static List<Participation> participations(List<Map<String, Object>> lines, List<Map<String, Object>> registrations,
            Words words) {
        Set<String> shown = new HashSet<>();
        registrations.forEach(registration -> shown.add(str(registration.get("id"))));
        return lines.stream().filter(line -> !shown.contains(str(line.get("registrationId"))))
                .map(line -> new Participation(words.project(str(line.get("projectId")), null),
                        words.code("status.", str(line.get("status"))), words.time(line.get("at")))).toList();
    }

    private static Consent consent(Map<String, Object> consent, Words words) {
        String text = str(consent.get("text"));
        String version = str(consent.get("textVersion"));
        return new Consent(words.code("purpose.", str(consent.get("purpose"))), words.code("basis.", str(consent.get("legalBasis"))),
                words.time(consent.get("givenAt")), words.code("consentSource.", str(consent.get("source"))),
                !text.isBlank() ? text : version.isBlank() ? "" : words.text("textVersion", version),
                consent.get("withdrawnAt") == null ? words.text("stillValid") : words.time(consent.get("withdrawnAt")));
    }

    private static Change projectChange(Map<String, Object> entry, List<Map<String, Object>> projectContacts, Words words) {
        boolean before = !list(entry.get("before")).isEmpty();
        boolean after = !list(entry.get("after")).isEmpty();
        String projectId = str(entry.get("projectId"));
        Object name = projectContacts.stream().filter(role -> projectId.equals(str(role.get("projectId"))))
                .map(role -> role.get("projectName")).filter(Objects::nonNull).findFirst().orElse(null);
        return new Change(words.time(entry.get("at")), words.project(projectId, name),
                words.text(!before ? "change.added" : after ? "change.changed" : "change.removed"), str(entry.get("by")));
    }

    private static Handling handling(Map<String, Object> line, Words words) {
        return new Handling(words.time(line.get("at")), words.code("action.", str(line.get("action"))),
                words.code("part.", str(line.get("service"))),
                str(line.get("by")) + cities(list(line.get("cities"), Object::toString), words));
    }

    private static String cities(Collection<String> aliases, Words words) {
        return aliases.isEmpty() ? "" : " (" + String.join(", ", aliases.stream().map(words::city).sorted().toList()) + ")";
    }

    private static Map<String, List<Map<String, Object>>> items(PersonalDataExport.Export export, String service) {
        Map<String, List<Map<String, Object>>> items = new LinkedHashMap<>();
        for (PersonalDataReport source : export.sources()) {
            if (service.equals(source.service())) {
                source.items().forEach((kind, list) -> items.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(list));
            }
        }
        return items;
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank() && !value.equals(ERASED)) {
            facts.add(new Fact(label, value));
        }
    }

    static String str(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String join(String separator, String... parts) {
        return String.join(separator, nonBlank(parts));
    }

    private static List<String> nonBlank(String... parts) {
        return java.util.Arrays.stream(parts).filter(part -> part != null && !part.isBlank()).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<Map<String, Object>> list(Object value) {
        return list(value, PersonalDataDocument::map).stream().filter(map -> !map.isEmpty()).toList();
    }

    static <T> List<T> list(Object value, Function<Object, T> each) {
        return value instanceof Collection<?> items ? items.stream().filter(Objects::nonNull).map(each).toList() : List.of();
    }

    /** The reader's words: texts of the bundle, times in Helsinki, names of cities and projects. */
    static final class Words {

        final String language;
        final Locale locale;
        private final ResourceBundleMessageSource texts;
        private final Map<String, LocalizedText> cityNames;
        private final ProjectAccessDirectory projects;
        private final DateTimeFormatter when;
        private final DateTimeFormatter day;

        Words(String language, ResourceBundleMessageSource texts, Map<String, LocalizedText> cityNames,
                ProjectAccessDirectory projects) {
            this.language = language == null || !language.matches("fi|sv|en") ? "fi" : language;
            this.locale = Locale.forLanguageTag(this.language);
            this.texts = texts;
            this.cityNames = cityNames;
            this.projects = projects;
            this.when = DateTimeFormatter.ofPattern(text("when"), locale).withZone(HELSINKI);
            this.day = DateTimeFormatter.ofPattern(text("day"), locale).withZone(HELSINKI);
        }

        String text(String key, Object... args) {
            return texts.getMessage(key, args.length == 0 ? null : args, locale);
        }

        /** An enum value as a word; a value the bundle does not know is shown as written, never as an empty cell. */
        String code(String prefix, String value) {
            return value.isBlank() ? "" : texts.getMessage(prefix + value, null, value, locale);
        }

        String role(String role) {
            String known = texts.getMessage("role." + role, null, null, locale);
            return known != null ? known : role.matches("[A-Z_]+") && role.length() > 3
                    ? role.replace('_', ' ').toLowerCase(Locale.ROOT) : role;
        }

        String via(String via) {
            String kind = via.startsWith("registration") || via.startsWith("migrated registration") ? "registration"
                    : via.startsWith("migrated") ? "migrated" : via;
            return code("via.", kind);
        }

        String scope(String scope) {
            if (Scopes.isCity(scope)) {
                return city(Scopes.cityOf(scope));
            }
            String project = project(scope, null);
            return project.equals(text("scope.unknownProject")) ? project : text("scope.project", project);
        }

        String city(String alias) {
            LocalizedText name = cityNames.get(alias);
            return name != null ? name.in(language) : alias.isEmpty() ? "" : Character.toUpperCase(alias.charAt(0)) + alias.substring(1);
        }

        /** A project by its name: the one given, else the name the access read model keeps. */
        String project(String projectId, Object name) {
            String given = localized(name);
            if (!given.isBlank()) {
                return given;
            }
            LocalizedText known = projectId.isBlank() ? null : projects.find(projectId).map(ProjectAccess::name).orElse(null);
            return known == null || known.in(language).isBlank() ? text("scope.unknownProject") : known.in(language);
        }

        String localized(Object value) {
            if (value instanceof LocalizedText text) {
                return text.in(language);
            }
            Map<String, Object> texts = map(value);
            return texts.isEmpty() ? "" : LocalizedText.of(nullable(texts.get("fi")), nullable(texts.get("sv")),
                    nullable(texts.get("en"))).in(language);
        }

        String time(Object value) {
            Instant at = instant(value);
            return at == null ? "" : when.format(at);
        }

        String day(Object value) {
            Instant at = instant(value);
            return at == null ? "" : day.format(at);
        }

        private static String nullable(Object value) {
            return value == null ? null : String.valueOf(value);
        }

        private static Instant instant(Object value) {
            if (value instanceof Instant at) {
                return at;
            }
            if (value instanceof java.util.Date date) {
                return date.toInstant();
            }
            if (value instanceof String text && !text.isBlank()) {
                try {
                    return Instant.parse(text);
                } catch (java.time.format.DateTimeParseException notATime) {
                    return null;
                }
            }
            return null;
        }
    }
}
