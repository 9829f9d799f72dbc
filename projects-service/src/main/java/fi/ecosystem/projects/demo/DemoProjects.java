package fi.ecosystem.projects.demo;

import static fi.ecosystem.projects.project.PartnerRole.CO_IMPLEMENTER;
import static fi.ecosystem.projects.project.PartnerRole.FUNDER;
import static fi.ecosystem.projects.project.PartnerRole.LEAD;
import static fi.ecosystem.projects.project.PartnerRole.NETWORK_PARTNER;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.projects.project.Project;
import fi.ecosystem.projects.project.ProjectDetails;
import fi.ecosystem.projects.project.ProjectParts.Funding;
import fi.ecosystem.projects.project.ProjectParts.IndicatorFeed;
import fi.ecosystem.projects.project.ProjectParts.Partner;
import fi.ecosystem.projects.project.ProjectParts.ProjectContact;
import fi.ecosystem.projects.project.ProjectParts.WorkPackage;
import fi.ecosystem.projects.project.ProjectService;
import fi.ecosystem.projects.project.ProjectStatus;
import fi.ecosystem.projects.project.Theme;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The projects of the five seed documents (docs/domain-sources.md), loaded once by the local stack: fixed ids make
 * a second run leave them alone. Facts are the documents'; people are fictitious (example.org). Their
 * events go out through the outbox like any other change, so the other services build their read models.
 */
@Component
@ConditionalOnProperty(name = "ecosystem.demo-data.enabled", havingValue = "true")
class DemoProjects implements ApplicationRunner {

    static final Set<String> SIX_CITIES = Set.of("helsinki", "espoo", "vantaa", "tampere", "turku", "oulu");
    static final Set<String> KUUMA = Set.of("hyvinkaa", "jarvenpaa", "kerava", "kirkkonummi", "mantsala",
            "nurmijarvi", "pornainen", "sipoo", "tuusula", "vihti");
    static final Set<String> REGIONAL_TOWNS = Set.of("iisalmi", "kristinestad", "raahe", "savonlinna", "rauma",
            "kuusamo", "kauhajoki", "keuruu", "heinola");
    static final String REPORTER = "demo data (seed documents)";

    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

    private final ProjectService projects;

    DemoProjects(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Project> demo = new ArrayList<>();
        demo.add(growthEcosystems());
        Project ring2024 = ringOfIndustry2024();
        demo.add(ring2024);
        demo.add(ringOfIndustry(ring2024));
        demo.add(smartSpecialisation());
        demo.addAll(helsinkiFlagships());
        demo.add(regionalTowns());
        long loaded = demo.stream().filter(project -> projects.planOnce(project).isPresent()).count();
        log.info("Demo projects: {} loaded, the rest were there already", loaded);
    }

    /** Seed 001: the 6Aika project of the six largest cities. */
    static Project growthEcosystems() {
        Project project = Project.plan("kasvun-ekosysteemit", new ProjectDetails("KASVU",
                LocalizedText.of("Kasvun ekosysteemit", "Tillväxtekosystem", "Growth Ecosystems"),
                LocalizedText.of("6Aika-hanke: innovaatiokeskittymät ja yrittäjyyden polun palvelut kaikissa kuutoskaupungeissa; "
                                + "kasvuohjelmat, tapahtumat ja tki-yhteistyö yliopistojen ja tutkimuslaitosten kanssa.", null,
                        "A 6Aika project of the six largest cities: innovation hubs, growth programmes, events and R&D "
                                + "cooperation with universities and research institutes."),
                LocalDate.of(2018, 8, 1), LocalDate.of(2021, 6, 30), "helsinki", SIX_CITIES, 4_400_000,
                List.of(new Funding("6Aika – kuuden suurimman kaupungin kestävän kaupunkikehityksen strategia", null, null)),
                List.of(new Partner("Helsingin kaupunki", "helsinki", LEAD),
                        new Partner("Vantaan kaupunki", "vantaa", CO_IMPLEMENTER),
                        new Partner("Espoon kaupunki", "espoo", CO_IMPLEMENTER),
                        new Partner("Turku Science Park", "turku", CO_IMPLEMENTER),
                        new Partner("Oulun kaupunki / BusinessOulu", "oulu", CO_IMPLEMENTER),
                        new Partner("Business Tampere", "tampere", CO_IMPLEMENTER),
                        new Partner("Pirkanmaan liitto", null, CO_IMPLEMENTER)),
                Set.of(), List.of(new ProjectContact("Maija Esimerkki", "PROJECT_MANAGER", "Helsingin kaupunki",
                        "maija.esimerkki@example.org")), List.of()));
        project.putIndicator("growth-programmes", LocalizedText.of("Rakennetut tai kehitetyt kasvuohjelmat", null,
                "Growth programmes built or developed"), "pcs", 8, 0, IndicatorFeed.REPORTED);
        project.report("growth-programmes", "2021-H1", 8, REPORTER, Instant.parse("2021-06-30T12:00:00Z"));
        project.putIndicator("ecosystems", LocalizedText.of("Tuetut innovaatioekosysteemit ja klusterit", null,
                "Innovation ecosystems and clusters supported"), "pcs", 8, 0, IndicatorFeed.REPORTED);
        project.report("ecosystems", "2021-H1", 8, REPORTER, Instant.parse("2021-06-30T12:00:00Z"));
        project.putIndicator("events-held", LocalizedText.of("Järjestetyt tapahtumat", "Ordnade evenemang", "Events held"),
                "pcs", 20, 0, IndicatorFeed.EVENTS_HELD);
        project.putIndicator("participants-reached", LocalizedText.of("Tavoitetut osallistujat", "Nådda deltagare",
                "Participants reached"), "persons", 500, 0, IndicatorFeed.PARTICIPANTS_REACHED);
        project.changeStatus(ProjectStatus.ACTIVE);
        project.changeStatus(ProjectStatus.ENDED);
        return project;
    }

    /** Seed 000: Helsinki Ring of Industry, funded by the regional council until the end of 2023. */
    static Project ringOfIndustry(Project continuation) {
        Project project = Project.plan("hri", new ProjectDetails("HRI",
                LocalizedText.of("Helsinki Ring of Industry", "Helsinki Ring of Industry", "Helsinki Ring of Industry"),
                LocalizedText.of("KUUMA-seudun kymmenen kunnan liiketoimintaekosysteemin vahvistaminen ja kansainvälinen "
                                + "markkinointi teollisuuden, logistiikan sekä verkko- ja tukkukaupan yrityksille, osaajille ja investoijille.",
                        null, "Strengthening the business ecosystem of the ten KUUMA municipalities and marketing it "
                                + "internationally to industry, logistics and online and wholesale trade."),
                null, LocalDate.of(2023, 12, 31), "hyvinkaa", KUUMA, 0,
                List.of(new Funding("Uudenmaan liitto", "Alueiden kestävän kasvun ja elinvoiman tukeminen", null)),
                ringPartners(new Partner("Uudenmaan liitto", "uusimaa", FUNDER)),
                Set.of(Theme.MANUFACTURING, Theme.DATA_CENTRES, Theme.FOOD_PRODUCTION, Theme.LOGISTICS,
                        Theme.ONLINE_AND_WHOLESALE_TRADE),
                ringContacts(), List.of()));
        project.putIndicator("linkedin-impressions", LocalizedText.of("LinkedIn-näyttökerrat vuodessa", null,
                "LinkedIn impressions a year"), "impressions", 185_000, 0, IndicatorFeed.REPORTED);
        project.report("linkedin-impressions", "2023", 185_000, REPORTER, Instant.parse("2023-12-31T12:00:00Z"));
        project.changeStatus(ProjectStatus.ACTIVE);
        project.changeStatus(ProjectStatus.ENDED);
        project.continueWith(continuation);
        return project;
    }

    /** Seed 000: the same work continued in 2024 with the municipalities' own funding. */
    static Project ringOfIndustry2024() {
        Project project = Project.plan("hri-2024", new ProjectDetails("HRI 2024",
                LocalizedText.of("Helsinki Ring of Industry 2024", null, "Helsinki Ring of Industry 2024"),
                LocalizedText.of("Toiminta jatkuu kuntarahoituksella vuoden 2024 ajan; TechVilla jatkaa HRI-palveluja "
                        + "määräaikaisesti KIKY-ryhmän toimeksiannosta.", null,
                        "Continued with municipal funding for 2024; TechVilla runs the services on a fixed-term mandate."),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "hyvinkaa", KUUMA, 0,
                List.of(new Funding("KUUMA-seutu liikelaitos ja KUUMA-kunnat", "Kuntarahoitus", null)),
                ringPartners(new Partner("KUUMA-seutu liikelaitos", null, FUNDER)),
                Set.of(Theme.MANUFACTURING, Theme.DATA_CENTRES, Theme.FOOD_PRODUCTION, Theme.LOGISTICS,
                        Theme.ONLINE_AND_WHOLESALE_TRADE),
                ringContacts(), List.of()));
        project.changeStatus(ProjectStatus.ACTIVE);
        return project;
    }

    private static List<Partner> ringPartners(Partner funder) {
        List<Partner> partners = new ArrayList<>();
        partners.add(new Partner("Teknologiakeskus TechVilla Oy", null, LEAD));
        for (String municipality : new LinkedHashSet<>(List.of("hyvinkaa", "jarvenpaa", "kerava", "kirkkonummi", "mantsala",
                "nurmijarvi", "pornainen", "sipoo", "tuusula", "vihti"))) {
            partners.add(new Partner(municipality, municipality, CO_IMPLEMENTER));
        }
        partners.add(funder);
        return partners;
    }

    private static List<ProjectContact> ringContacts() {
        return List.of(new ProjectContact("Kaisa Kokeilija", "PROJECT_MANAGER", "Teknologiakeskus TechVilla Oy",
                        "kaisa.kokeilija@example.org"),
                new ProjectContact("Teemu Testaaja", "COOPERATION_DIRECTOR", "KUUMA-seutu", "teemu.testaaja@example.org"));
    }

    /** Seed 002: the Helsinki Region smart specialisation strategy, led by the regional council. */
    static Project smartSpecialisation() {
        Set<String> cities = new LinkedHashSet<>(List.of("uusimaa", "helsinki", "espoo", "vantaa"));
        cities.addAll(KUUMA);
        Project project = Project.plan("smart-helsinki-region", new ProjectDetails("SMART HR",
                LocalizedText.of("Helsingin seudun älykkään erikoistumisen strategia", "Helsingforsregionens strategi för smart specialisering",
                        "Smart Helsinki Region – smart specialisation strategy"),
                LocalizedText.of(null, null, "26 municipalities and about 1.6 million inhabitants double the effects of "
                        + "the region's innovative potential under five specialisation themes."),
                LocalDate.of(2014, 1, 1), LocalDate.of(2020, 12, 31), "uusimaa", cities, 0, List.of(),
                List.of(new Partner("Uudenmaan liitto – Helsinki-Uusimaa Regional Council", "uusimaa", LEAD)),
                Set.of(Theme.URBAN_CLEANTECH, Theme.HUMAN_HEALTH_TECH, Theme.DIGITALISING_INDUSTRY, Theme.WELFARE_CITY,
                        Theme.SMART_CITIZEN),
                List.of(), List.of()));
        project.changeStatus(ProjectStatus.ACTIVE);
        project.changeStatus(ProjectStatus.ENDED);
        return project;
    }

    /** Seed 003: flagship projects of Helsinki's key industries (the document gives no dates). */
    static List<Project> helsinkiFlagships() {
        List<Project> flagships = new ArrayList<>();
        flagships.add(flagship("health-capital-helsinki", "HCH", "Health Capital Helsinki", Set.of("helsinki"),
                Set.of(Theme.HUMAN_HEALTH_TECH, Theme.WELLBEING)));
        flagships.add(flagship("pks-smart-and-clean", "PKS S&C", "PKS Smart & Clean", Set.of("helsinki", "espoo", "vantaa"),
                Set.of(Theme.URBAN_CLEANTECH, Theme.ENVIRONMENTAL_BUSINESS)));
        flagships.add(flagship("meri-it", "Meri-IT", "Meri-IT", Set.of("helsinki"), Set.of(Theme.ICT)));
        return flagships;
    }

    private static Project flagship(String id, String acronym, String name, Set<String> cities, Set<Theme> themes) {
        Project project = Project.plan(id, new ProjectDetails(acronym, LocalizedText.of(name, name, name),
                LocalizedText.of("Helsingin avaintoimialojen kärkihanke; kansainvälinen markkinointi ja investointien houkuttelu "
                        + "yhdessä Helsinki Business Hubin ja Finpron kanssa.", null, null),
                null, null, "helsinki", cities, 0, List.of(),
                List.of(new Partner("Helsingin kaupunki", "helsinki", LEAD),
                        new Partner("Helsinki Business Hub", null, NETWORK_PARTNER),
                        new Partner("Finpro", null, NETWORK_PARTNER)),
                themes, List.of(), List.of()));
        project.changeStatus(ProjectStatus.ACTIVE);
        return project;
    }

    /** Seed 004: ten regional towns from eight regions, five work packages with responsible partners. */
    static Project regionalTowns() {
        Project project = Project.plan("seutukaupunkien-innovaatioekosysteemit", new ProjectDetails("SEUTU-INNO",
                LocalizedText.of("Seutukaupunkien innovaatioekosysteemiverkoston kehittäminen",
                        "Utveckling av regionstädernas nätverk av innovationsekosystem",
                        "Developing the innovation ecosystem network of regional towns"),
                LocalizedText.of("Kehittyvien seutukaupunkien verkosto kehittää alueellista innovaatioekosysteemiään yhdessä, "
                                + "toisilta oppien, ja käyttää verkoston voimaa näkyvyyden ja vetovoiman lisäämiseen.", null,
                        "A network of regional towns develops their innovation ecosystems together and uses the network for visibility."),
                null, null, "iisalmi", REGIONAL_TOWNS, 0, List.of(),
                List.of(new Partner("Iisalmen kaupunki", "iisalmi", LEAD),
                        new Partner("Kristiinankaupungin elinkeinokeskus", "kristinestad", CO_IMPLEMENTER),
                        new Partner("Raahen seudun kehitys", "raahe", CO_IMPLEMENTER),
                        new Partner("Savonlinnan hankekehitys Oy", "savonlinna", CO_IMPLEMENTER),
                        new Partner("Rauman kaupunki", "rauma", NETWORK_PARTNER),
                        new Partner("Naturpolis Oy – Nordic Business Center Ltd", "kuusamo", NETWORK_PARTNER),
                        new Partner("Kauhajoen kaupunki", "kauhajoki", NETWORK_PARTNER),
                        new Partner("Kehittämisyhtiö Keulink Oy", "keuruu", NETWORK_PARTNER),
                        new Partner("Heinolan kaupunki", "heinola", NETWORK_PARTNER)),
                Set.of(),
                List.of(new ProjectContact("Ilkka Iisalmelainen", "PROJECT_MANAGER", "Iisalmen kaupunki", "ilkka.iisalmelainen@example.org"),
                        new ProjectContact("Sari Sihteeri", "PROJECT_SECRETARY", "Iisalmen kaupunki", "sari.sihteeri@example.org"),
                        new ProjectContact("Anders Exempel", "PROJECT_MANAGER", "Kristiinankaupungin elinkeinokeskus", "anders.exempel@example.org"),
                        new ProjectContact("Riikka Raahelainen", "PROJECT_MANAGER", "Raahen seudun kehitys", "riikka.raahelainen@example.org"),
                        new ProjectContact("Sami Savolainen", "PROJECT_MANAGER", "Savonlinnan hankekehitys Oy", "sami.savolainen@example.org"),
                        new ProjectContact("Heikki Esimerkki", "BUSINESS_EXPERT", "Rauman kaupunki", "heikki.esimerkki@example.org"),
                        new ProjectContact("Marja Mallikas", "DEVELOPMENT_MANAGER", "Kauhajoen kaupunki", "marja.mallikas@example.org"),
                        new ProjectContact("Jussi Johtaja", "CEO", "Kehittämisyhtiö Keulink Oy", "jussi.johtaja@example.org")),
                List.of()));
        workPackage(project, 1, "Ekosysteemien tilannekuvan muodostaminen", "Ecosystem situational picture", "Iisalmen kaupunki",
                "Kartoitus innovaatioekosysteemien toimijoista ja nykytilasta.");
        workPackage(project, 2, "Tulevaisuuden strategiat", "Future strategies", "Iisalmen kaupunki",
                "Strategiat, kehittämistoimenpiteet ja tavoitteet sekä Invest in -toiminnan työkalu.");
        workPackage(project, 3, "Verkostoituminen ja benchmarkkaus", "Networking and benchmarking", "Savonlinnan hankekehitys Oy",
                "Yhteydet korkeakoulupaikkakuntiin ja toimintamallit korkeakouluyhteistyöhön.");
        workPackage(project, 4, "Viestintä ja markkinointi", "Communication and marketing", "Savonlinnan hankekehitys Oy",
                "Seminaarit ja webinaarit osallistuvista ekosysteemeistä sekä esimerkit muualta maailmasta.");
        workPackage(project, 5, "Hallinto", "Administration", "Iisalmen kaupunki", "Hankeverkoston hallinnointi ja johtaminen.");
        project.putIndicator("events-held", LocalizedText.of("Seminaarit ja webinaarit", "Seminarier och webbinarier",
                "Seminars and webinars"), "pcs", 10, 0, IndicatorFeed.EVENTS_HELD);
        project.putIndicator("participants-reached", LocalizedText.of("Tavoitetut osallistujat", "Nådda deltagare",
                "Participants reached"), "persons", 300, 0, IndicatorFeed.PARTICIPANTS_REACHED);
        project.changeStatus(ProjectStatus.ACTIVE);
        return project;
    }

    private static void workPackage(Project project, int number, String titleFi, String titleEn, String responsible,
            String descriptionFi) {
        project.putWorkPackage(new WorkPackage(number, LocalizedText.of(titleFi, null, titleEn), responsible,
                LocalizedText.of(descriptionFi, null, null), List.of()));
    }
}
