package fi.ecosystem.events.demo;

import fi.ecosystem.events.registration.Participant;
import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.events.event.Event;
import fi.ecosystem.events.event.EventDetails;
import fi.ecosystem.events.event.EventService;
import fi.ecosystem.events.event.EventType;
import fi.ecosystem.events.event.OrganiserContact;
import fi.ecosystem.events.event.Question;
import fi.ecosystem.events.event.Session;
import fi.ecosystem.events.registration.Registration;
import fi.ecosystem.events.registration.RegistrationService;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import fi.ecosystem.platform.security.CityUser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The events of the seed documents, made by a demo organiser of the organising city through the same use
 * cases as the API, so every registration goes out on Kafka like a real one. It waits for the project
 * read model (fed by projects-service's demo projects) and skips events that exist already (by title), so
 * a second start adds nothing. People are fictitious (example.org).
 * <ul>
 *   <li><i>Boost your Business</i> in Espoo (seed 001), held: attendance and no-shows;</li>
 *   <li>a growth programme of <i>Kasvun ekosysteemit</i> with four sessions, held: completion per person;</li>
 *   <li>seed 004's work package 4, organised by Savonlinna: a webinar with a consent question, a seminar that
 *       is full with people on its waiting list, and a draft webinar.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "ecosystem.demo-data.enabled", havingValue = "true")
class DemoEvents implements ApplicationRunner {

    static final String GROWTH = "kasvun-ekosysteemit";
    static final String REGIONAL_TOWNS = "seutukaupunkien-innovaatioekosysteemit";
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final Duration WAIT_FOR_PROJECTS = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(DemoEvents.class);
    private static final String[] FIRST = {"Aino", "Eero", "Helmi", "Juho", "Kaisa", "Lauri", "Mervi", "Niilo", "Oona",
        "Pasi", "Riikka", "Sakari", "Tiina", "Ville", "Elsa", "Oskar", "Linnea", "Emil", "Saga", "Anton"};
    private static final String[] LAST = {"Aaltonen", "Berg", "Countryman", "Dahl", "Eskola", "Forsman", "Granqvist",
        "Hakala", "Ikonen", "Jokela", "Kallio", "Lindholm", "Mattila", "Nieminen", "Ojala", "Peltonen", "Rantanen",
        "Salo", "Toivonen", "Wikström"};
    private static final String[] COMPANIES = {"Esimerkki Oy", "Kasvu Ab", "Demo Solutions Oy", "Testi ja Poika Oy",
        "Nordic Example Ltd", null};

    private final EventService events;
    private final RegistrationService registrations;
    private final ProjectAccessDirectory projects;

    DemoEvents(EventService events, RegistrationService registrations, ProjectAccessDirectory projects) {
        this.events = events;
        this.registrations = registrations;
        this.projects = projects;
    }

    @Override
    public void run(ApplicationArguments args) {
        Thread loader = new Thread(this::load, "demo-events");
        loader.setDaemon(true);
        loader.start();
    }

    void load() {
        try {
            if (!projectsKnown(List.of(GROWTH, REGIONAL_TOWNS))) {
                log.warn("Demo events not loaded: projects {} and {} unknown after {}", GROWTH, REGIONAL_TOWNS, WAIT_FOR_PROJECTS);
                return;
            }
            boostYourBusiness();
            growthProgramme();
            regionalTownsSeminars();
            log.info("Demo events loaded");
        } catch (RuntimeException e) {
            log.error("Demo events could not be loaded", e);
        }
    }

    private boolean projectsKnown(List<String> projectIds) {
        Instant giveUp = Instant.now().plus(WAIT_FOR_PROJECTS);
        while (Instant.now().isBefore(giveUp)) {
            if (projectIds.stream().noneMatch(id -> projects.citiesOf(id).isEmpty())) {
                return true;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static CityUser organiser(String city) {
        return new CityUser("demo-data", "Demo data (seed documents)", Set.of(city),
                Set.of(CityUser.STAFF, CityUser.EVENT_ORGANISER), Set.of(), false);
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(HELSINKI).toInstant();
    }

    /** Null when an event of this title exists in the project already: it was loaded before. */
    private Event draftOnce(CityUser organiser, String projectId, EventDetails details) {
        boolean exists = events.list(organiser, PageRequest.of(0, 200)).stream()
                .anyMatch(event -> event.projectId().equals(projectId) && event.title().in("fi").equals(details.title().in("fi")));
        return exists ? null : events.draft(organiser, projectId, details);
    }

    private List<Registration> register(CityUser organiser, Event event, int people, int offset, Map<String, String> answers) {
        List<Registration> registered = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            int n = offset + i;
            String first = FIRST[n % FIRST.length];
            String last = LAST[(n * 7 + 3) % LAST.length];
            String email = (first + "." + last + "." + n).toLowerCase().replace('ö', 'o').replace('ä', 'a') + "@example.org";
            String language = n % 7 == 0 ? "sv" : n % 5 == 0 ? "en" : "fi";
            registered.add(registrations.registerByOrganiser(organiser, event.id(), new Participant(email,
                    first, last, COMPANIES[n % COMPANIES.length], null, language), answers).registration());
        }
        return registered;
    }

    private void boostYourBusiness() {
        CityUser espoo = organiser("espoo");
        Event event = draftOnce(espoo, GROWTH, new EventDetails(EventType.SEMINAR,
                LocalizedText.of("Boost your Business", "Boost your Business", "Boost your Business"),
                LocalizedText.of("Espoon kasvuyritystapahtuma: rahoitus, kansainvälistyminen ja verkostot.",
                        "Espoos evenemang för tillväxtföretag: finansiering, internationalisering och nätverk.",
                        "Espoo's event for growth companies: funding, going international and networks."),
                "Espoon kaupunki", "Dipoli, Otakaari 24, Espoo", null, 150,
                List.of(new Session("main", null, at("2019-11-14T09:00"), at("2019-11-14T16:00"))), null, List.of(), null, null));
        if (event == null) {
            return;
        }
        events.publish(espoo, event.id());
        List<Registration> people = register(espoo, event, 24, 0, Map.of());
        for (int i = 0; i < people.size(); i++) {
            if (i % 4 != 3) {
                registrations.markAttendance(espoo, event.id(), people.get(i).id(), "main", true);
            }
        }
        events.complete(espoo, event.id());
    }

    private void growthProgramme() {
        CityUser helsinki = organiser("helsinki");
        List<Session> sessions = List.of(
                new Session("aloitus", LocalizedText.of("Aloitus ja tavoitteet", "Start och mål", "Kick-off and goals"),
                        at("2020-09-03T09:00"), at("2020-09-03T12:00")),
                new Session("markkinat", LocalizedText.of("Kohdemarkkinat", "Målmarknader", "Target markets"),
                        at("2020-09-17T09:00"), at("2020-09-17T12:00")),
                new Session("rahoitus", LocalizedText.of("Kasvun rahoitus", "Finansiering av tillväxt", "Funding growth"),
                        at("2020-10-01T09:00"), at("2020-10-01T12:00")),
                new Session("pitch", LocalizedText.of("Pitch-päivä", "Pitchdag", "Pitch day"),
                        at("2020-10-15T09:00"), at("2020-10-15T15:00")));
        Event event = draftOnce(helsinki, GROWTH, new EventDetails(EventType.GROWTH_PROGRAMME,
                LocalizedText.of("Kasvuohjelma: kansainvälistyminen", "Tillväxtprogram: internationalisering",
                        "Growth programme: going international"),
                LocalizedText.of("Neljän tapaamisen valmennus kansainvälistyville kasvuyrityksille.",
                        "Fyra träffar för tillväxtföretag som går ut internationellt.",
                        "Four sessions of coaching for growth companies going international."),
                "Helsingin kaupunki", "Maria 01, Lapinlahdenkatu 16, Helsinki", null, 12, sessions, 3, List.of(), null, null));
        if (event == null) {
            return;
        }
        events.publish(helsinki, event.id());
        List<Registration> people = register(helsinki, event, 12, 30, Map.of());
        for (int i = 0; i < people.size(); i++) {
            for (int s = 0; s < sessions.size(); s++) {
                if ((i + s) % 5 != 4 && i % 6 != 5) {
                    registrations.markAttendance(helsinki, event.id(), people.get(i).id(), sessions.get(s).id(), true);
                }
            }
        }
        events.complete(helsinki, event.id());
    }

    private void regionalTownsSeminars() {
        CityUser savonlinna = organiser("savonlinna");
        // whom participants ask: a fictitious project coordinator
        OrganiserContact contact = OrganiserContact.of("Sari Seutukoordinaattori", "sari.seutukoordinaattori@example.org",
                "015 123 4567");
        Question newsletter = new Question("uutiskirje", Question.Kind.CONSENT,
                LocalizedText.of("Haluan verkoston uutiskirjeen", "Jag vill ha nätverkets nyhetsbrev", "I want the network's newsletter"),
                false, List.of(), "https://ecosystem.example.org/tietosuoja", "2026-01", "NEWSLETTER");
        Question organisationType = new Question("tausta", Question.Kind.CHOICE,
                LocalizedText.of("Edustan", "Jag representerar", "I represent"), true,
                List.of(new Question.Choice("yritys", LocalizedText.of("yritystä", "ett företag", "a company")),
                        new Question.Choice("kunta", LocalizedText.of("kuntaa tai kehitysyhtiötä", "en kommun eller ett utvecklingsbolag",
                                "a municipality or development company")),
                        new Question.Choice("korkeakoulu", LocalizedText.of("korkeakoulua", "en högskola", "a university"))),
                null, null, null);
        Event webinar = draftOnce(savonlinna, REGIONAL_TOWNS, new EventDetails(EventType.WEBINAR,
                LocalizedText.of("Webinaari: seutukaupunkien innovaatioekosysteemit", "Webbinarium: regionstädernas innovationsekosystem",
                        "Webinar: innovation ecosystems of regional towns"),
                LocalizedText.of("Verkoston ekosysteemit esittäytyvät, ja kuulemme esimerkkejä muualta maailmasta.",
                        "Nätverkets ekosystem presenterar sig, med exempel från andra håll i världen.",
                        "The network's ecosystems present themselves, with examples from elsewhere in the world."),
                "Savonlinnan hankekehitys Oy", null, "https://meet.example.org/seutukaupungit", 100,
                List.of(new Session("main", null, at("2027-01-20T13:00"), at("2027-01-20T14:30"))), null,
                List.of(organisationType, newsletter), null, null, null, contact));
        if (webinar != null) {
            events.publish(savonlinna, webinar.id());
            register(savonlinna, webinar, 18, 60, Map.of("tausta", "kunta", "uutiskirje", "true"));
        }
        Event seminar = draftOnce(savonlinna, REGIONAL_TOWNS, new EventDetails(EventType.SEMINAR,
                LocalizedText.of("Seminaari: yhteistyö korkeakoulujen kanssa", "Seminarium: samarbete med högskolor",
                        "Seminar: working with universities"),
                LocalizedText.of("Benchmarkkausta korkeakoulupaikkakunnilta: toimintamallit ja kokemukset.",
                        "Benchmarking från högskoleorter: arbetssätt och erfarenheter.",
                        "Benchmarking university towns: ways of working and experiences."),
                "Savonlinnan hankekehitys Oy", "Kylpylaitos, Kylpylaitoksentie, Savonlinna", null, 20,
                List.of(new Session("main", null, at("2027-02-10T09:00"), at("2027-02-10T15:00"))), null,
                List.of(organisationType), null, null, null, contact));
        if (seminar != null) {
            events.publish(savonlinna, seminar.id());
            register(savonlinna, seminar, 24, 90, Map.of("tausta", "yritys")); // 20 places: four on the waiting list
        }
        draftOnce(savonlinna, REGIONAL_TOWNS, new EventDetails(EventType.WEBINAR,
                LocalizedText.of("Webinaari: Invest in -työkalu", "Webbinarium: Invest in-verktyget", "Webinar: the Invest-in tool"),
                null, "Savonlinnan hankekehitys Oy", null, "https://meet.example.org/invest-in", 200,
                List.of(new Session("main", null, at("2027-03-17T13:00"), at("2027-03-17T14:00"))), null, List.of(), null, null,
                null, contact));
    }
}
