package fi.ecosystem.contacts.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.contacts.contact.Contact;
import fi.ecosystem.contacts.contact.ProjectRole;
import fi.ecosystem.contacts.organisation.Organisation;
import fi.ecosystem.contacts.organisation.OrganisationType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo data says what the seed documents say, with fictitious people. */
class DemoContactsTest {

    @Test
    void theSeedsOrganisationsAreThereWithoutInventedBusinessIds() {
        List<Organisation> organisations = DemoContacts.organisations();

        assertThat(organisations).extracting(Organisation::businessId).containsOnlyNulls();
        assertThat(organisations).extracting(organisation -> organisation.name().in("fi"))
                .contains("Teknologiakeskus TechVilla Oy", "Uudenmaan liitto", "Savonlinnan hankekehitys Oy",
                        "Kehittämisyhtiö Keulink Oy", "Naturpolis Oy", "Business Tampere", "Pirkanmaan liitto");
        assertThat(organisations).filteredOn(organisation -> organisation.type() == OrganisationType.MUNICIPALITY)
                .allSatisfy(municipality -> assertThat(municipality.municipalityNumber()).matches("\\d{3}"))
                .hasSize(17);
        assertThat(organisations).extracting(Organisation::id).doesNotHaveDuplicates();
        assertThat(organisations).allSatisfy(organisation -> assertThat(organisation.projectIds()).isNotEmpty());
    }

    @Test
    void thePeopleAreFictitiousAndHoldTheRolesTheSeedsName() {
        List<Contact> people = DemoContacts.people();

        assertThat(people).extracting(Contact::email).allMatch(email -> email.endsWith("@example.org")).doesNotHaveDuplicates();
        assertThat(people).flatExtracting(Contact::roles).extracting(ProjectRole::role)
                .contains("PROJECT_MANAGER", "PROJECT_SECRETARY", "BUSINESS_EXPERT", "DEVELOPMENT_MANAGER", "CEO");
        assertThat(people).flatExtracting(Contact::projectIds).contains("hri", "kasvun-ekosysteemit",
                "seutukaupunkien-innovaatioekosysteemit");
        assertThat(people).filteredOn(person -> person.lastName().equals("Exempel")).extracting(Contact::language).containsExactly("sv");
    }
}
