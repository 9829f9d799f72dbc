package fi.ecosystem.contacts.demo;

import fi.ecosystem.contacts.contact.ConsentPurpose;
import fi.ecosystem.contacts.contact.ConsentSource;
import fi.ecosystem.contacts.contact.Contact;
import fi.ecosystem.contacts.contact.ContactDetails;
import fi.ecosystem.contacts.contact.ContactService;
import fi.ecosystem.contacts.contact.LegalBasis;
import fi.ecosystem.contacts.contact.ProjectRole;
import fi.ecosystem.contacts.organisation.Organisation;
import fi.ecosystem.contacts.organisation.OrganisationService;
import fi.ecosystem.contacts.organisation.OrganisationType;
import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The organisations of the five seed documents (docs/domain-sources.md) and fictitious people (example.org) in the
 * roles the documents name, linked to the demo projects of projects-service (same project ids). Loaded once:
 * fixed ids make a second run leave them alone. The seeds give no business IDs, so none is invented;
 * municipalities carry their official municipality numbers. The people are the project contacts of
 * projects-service's demo projects, so its events find them by e-mail instead of creating them again.
 */
@Component
@ConditionalOnProperty(name = "ecosystem.demo-data.enabled", havingValue = "true")
class DemoContacts implements ApplicationRunner {

    static final String GROWTH = "kasvun-ekosysteemit";
    static final String HRI = "hri";
    static final String HRI_2024 = "hri-2024";
    static final String SMART = "smart-helsinki-region";
    static final String TOWNS = "seutukaupunkien-innovaatioekosysteemit";
    static final List<String> FLAGSHIPS = List.of("health-capital-helsinki", "pks-smart-and-clean", "meri-it");
    /** When the demo people were "entered": recent, so the retention rule leaves them alone for years. */
    static final Instant ENTERED = Instant.parse("2026-01-15T09:00:00Z");

    private static final Logger log = LoggerFactory.getLogger(DemoContacts.class);

    private final OrganisationService organisations;
    private final ContactService contacts;

    DemoContacts(OrganisationService organisations, ContactService contacts) {
        this.organisations = organisations;
        this.contacts = contacts;
    }

    @Override
    public void run(ApplicationArguments args) {
        long loadedOrganisations = organisations().stream().filter(o -> organisations.createOnce(o).isPresent()).count();
        long loadedPeople = people().stream().filter(p -> contacts.enterOnce(p).isPresent()).count();
        log.info("Demo contacts: {} organisations and {} people loaded, the rest were there already",
                loadedOrganisations, loadedPeople);
    }

    static List<Organisation> organisations() {
        List<Organisation> all = new ArrayList<>();
        all.add(municipality("helsinki", "Helsingin kaupunki", "Helsingfors stad", "City of Helsinki", "091",
                Set.of(GROWTH, SMART, FLAGSHIPS.get(0), FLAGSHIPS.get(1), FLAGSHIPS.get(2))));
        all.add(municipality("espoo", "Espoon kaupunki", "Esbo stad", "City of Espoo", "049", Set.of(GROWTH, SMART, FLAGSHIPS.get(1))));
        all.add(municipality("vantaa", "Vantaan kaupunki", "Vanda stad", "City of Vantaa", "092", Set.of(GROWTH, SMART, FLAGSHIPS.get(1))));
        all.add(other("turku-science-park", OrganisationType.DEVELOPMENT_COMPANY, "Turku Science Park", null, "Turku Science Park", Set.of(GROWTH)));
        all.add(other("businessoulu", OrganisationType.DEVELOPMENT_COMPANY, "Oulun kaupunki / BusinessOulu", null, "BusinessOulu", Set.of(GROWTH)));
        all.add(other("business-tampere", OrganisationType.DEVELOPMENT_COMPANY, "Business Tampere", null, "Business Tampere", Set.of(GROWTH)));
        all.add(other("pirkanmaan-liitto", OrganisationType.REGIONAL_COUNCIL, "Pirkanmaan liitto", "Birkalands förbund",
                "Council of Tampere Region", Set.of(GROWTH)));
        all.add(other("uudenmaan-liitto", OrganisationType.REGIONAL_COUNCIL, "Uudenmaan liitto", "Nylands förbund",
                "Helsinki-Uusimaa Regional Council", Set.of(HRI, SMART)));
        all.add(other("techvilla", OrganisationType.DEVELOPMENT_COMPANY, "Teknologiakeskus TechVilla Oy", null,
                "Technology Centre TechVilla Ltd", Set.of(HRI, HRI_2024)));
        all.add(other("kuuma-seutu", OrganisationType.NETWORK, "KUUMA-seutu liikelaitos", null, "KUUMA region", Set.of(HRI, HRI_2024)));
        all.add(municipality("hyvinkaa", "Hyvinkään kaupunki", "Hyvinge stad", "City of Hyvinkää", "106", Set.of(HRI, HRI_2024, SMART)));
        all.add(municipality("jarvenpaa", "Järvenpään kaupunki", "Träskända stad", "City of Järvenpää", "186", Set.of(HRI, HRI_2024, SMART)));
        all.add(municipality("kerava", "Keravan kaupunki", "Kervo stad", "City of Kerava", "245", Set.of(HRI, HRI_2024, SMART)));
        all.add(municipality("kirkkonummi", "Kirkkonummen kunta", "Kyrkslätts kommun", "Municipality of Kirkkonummi", "257", Set.of(HRI, HRI_2024, SMART)));
        all.add(municipality("mantsala", "Mäntsälän kunta", "Mäntsälä kommun", "Municipality of Mäntsälä", "505", Set.of(HRI, HRI_2024, SMART)));
        all.add(municipality("nurmijarvi", "Nurmijärven kunta", "Nurmijärvi kommun", "Municipality of Nurmijärvi", "543", Set.of(HRI, HRI_2024, SMART)));
        all.add(municipality("pornainen", "Pornaisten kunta", "Borgnäs kommun", "Municipality of Pornainen", "611", Set.of(HRI, HRI_2024, SMART)));
        all.add(municipality("sipoo", "Sipoon kunta", "Sibbo kommun", "Municipality of Sipoo", "753", Set.of(HRI, HRI_2024, SMART)));
        all.add(municipality("tuusula", "Tuusulan kunta", "Tusby kommun", "Municipality of Tuusula", "858", Set.of(HRI, HRI_2024, SMART)));
        all.add(municipality("vihti", "Vihdin kunta", "Vichtis kommun", "Municipality of Vihti", "927", Set.of(HRI, HRI_2024, SMART)));
        all.add(other("helsinki-business-hub", OrganisationType.DEVELOPMENT_COMPANY, "Helsinki Business Hub", null,
                "Helsinki Business Hub", Set.copyOf(FLAGSHIPS)));
        all.add(other("finpro", OrganisationType.COMPANY, "Finpro", null, "Finpro", Set.copyOf(FLAGSHIPS)));
        all.add(municipality("iisalmi", "Iisalmen kaupunki", "Idensalmi stad", "City of Iisalmi", "140", Set.of(TOWNS)));
        all.add(other("kristinestad-naringslivscentral", OrganisationType.DEVELOPMENT_COMPANY, "Kristiinankaupungin elinkeinokeskus",
                "Kristinestads Näringslivscentral", "Kristinestad Business Centre", Set.of(TOWNS)));
        all.add(other("brahe", OrganisationType.DEVELOPMENT_COMPANY, "Raahen seudun kehitys (Brahe)", null,
                "Raahe Region Development (Brahe)", Set.of(TOWNS)));
        all.add(other("savonlinnan-hankekehitys", OrganisationType.DEVELOPMENT_COMPANY, "Savonlinnan hankekehitys Oy", null,
                "Savonlinna Project Development Ltd", Set.of(TOWNS)));
        all.add(municipality("rauma", "Rauman kaupunki", "Raumo stad", "City of Rauma", "684", Set.of(TOWNS)));
        all.add(other("naturpolis", OrganisationType.DEVELOPMENT_COMPANY, "Naturpolis Oy", null, "Nordic Business Center Ltd", Set.of(TOWNS)));
        all.add(municipality("kauhajoki", "Kauhajoen kaupunki", "Kauhajoki stad", "City of Kauhajoki", "232", Set.of(TOWNS)));
        all.add(other("keulink", OrganisationType.DEVELOPMENT_COMPANY, "Kehittämisyhtiö Keulink Oy", null, "Keulink Ltd", Set.of(TOWNS)));
        all.add(municipality("heinola", "Heinolan kaupunki", "Heinola stad", "City of Heinola", "111", Set.of(TOWNS)));
        return all;
    }

    /** The contact roles the seeds name, with fictitious people (the same as projects-service's demo contacts). */
    static List<Contact> people() {
        List<Contact> people = new ArrayList<>();
        people.add(person("maija-esimerkki", "Maija", "Esimerkki", "Projektipäällikkö", "helsinki", "Helsingin kaupunki", "fi",
                GROWTH, "PROJECT_MANAGER"));
        people.add(person("kaisa-kokeilija", "Kaisa", "Kokeilija", "Projektipäällikkö", "techvilla", "Teknologiakeskus TechVilla Oy",
                "fi", HRI, "PROJECT_MANAGER"));
        people.add(person("teemu-testaaja", "Teemu", "Testaaja", "Yhteistyöjohtaja", "kuuma-seutu", "KUUMA-seutu", "fi", HRI,
                "COOPERATION_DIRECTOR"));
        people.add(person("ilkka-iisalmelainen", "Ilkka", "Iisalmelainen", "Projektipäällikkö", "iisalmi", "Iisalmen kaupunki", "fi",
                TOWNS, "PROJECT_MANAGER"));
        people.add(person("sari-sihteeri", "Sari", "Sihteeri", "Projektisihteeri", "iisalmi", "Iisalmen kaupunki", "fi", TOWNS,
                "PROJECT_SECRETARY"));
        people.add(person("anders-exempel", "Anders", "Exempel", "Projektledare", "kristinestad-naringslivscentral",
                "Kristiinankaupungin elinkeinokeskus", "sv", TOWNS, "PROJECT_MANAGER"));
        people.add(person("riikka-raahelainen", "Riikka", "Raahelainen", "Projektipäällikkö", "brahe", "Raahen seudun kehitys", "fi",
                TOWNS, "PROJECT_MANAGER"));
        people.add(person("sami-savolainen", "Sami", "Savolainen", "Projektipäällikkö", "savonlinnan-hankekehitys",
                "Savonlinnan hankekehitys Oy", "fi", TOWNS, "PROJECT_MANAGER"));
        people.add(person("heikki-esimerkki", "Heikki", "Esimerkki", "Yritysasiantuntija", "rauma", "Rauman kaupunki", "fi", TOWNS,
                "BUSINESS_EXPERT"));
        people.add(person("marja-mallikas", "Marja", "Mallikas", "Kehittämispäällikkö", "kauhajoki", "Kauhajoen kaupunki", "fi", TOWNS,
                "DEVELOPMENT_MANAGER"));
        people.add(person("jussi-johtaja", "Jussi", "Johtaja", "Toimitusjohtaja", "keulink", "Kehittämisyhtiö Keulink Oy", "fi", TOWNS,
                "CEO"));
        return people;
    }

    private static Organisation municipality(String id, String fi, String sv, String en, String number, Set<String> projects) {
        return Organisation.create("org-" + id, OrganisationType.MUNICIPALITY, LocalizedText.of(fi, sv, en), null, number,
                null, null, null, projects);
    }

    private static Organisation other(String id, OrganisationType type, String fi, String sv, String en, Set<String> projects) {
        return Organisation.create("org-" + id, type, LocalizedText.of(fi, sv, en), null, null, null, null, null, projects);
    }

    private static Contact person(String id, String firstName, String lastName, String title, String organisationId,
            String organisationName, String language, String projectId, String role) {
        String email = firstName.toLowerCase() + "." + lastName.toLowerCase() + "@example.org";
        Contact person = Contact.enter("demo-" + id, new ContactDetails(firstName, lastName, title, organisationName,
                "org-" + organisationId, email, null, language), Set.of(projectId), ENTERED);
        person.assignRole(projectId, role, organisationName, ProjectRole.Source.PROJECT, ENTERED);
        if (HRI.equals(projectId)) {
            person.assignRole(HRI_2024, role, organisationName, ProjectRole.Source.PROJECT, ENTERED);
        }
        person.giveConsent("demo-consent-" + id, ConsentPurpose.EVENT_COMMUNICATION, LegalBasis.LEGITIMATE_INTEREST,
                ConsentSource.IMPORT, null, "demo-2026", "demo data", projectId, ENTERED);
        return person;
    }
}
