package fi.ecosystem.contacts.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.ecosystem.contacts.contact.ConsentPurpose;
import fi.ecosystem.contacts.contact.ConsentSource;
import fi.ecosystem.contacts.contact.LegalBasis;
import fi.ecosystem.contacts.contact.ProjectRole;
import fi.ecosystem.contacts.organisation.OrganisationType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API's enums (contacts-api) name exactly the domain's values: a value added on one side only fails here. */
class ContactRecordsTest {

    @Test
    void everyDomainValueHasItsApiValueAndNoMore() {
        assertSameNames(ConsentPurpose.class, fi.ecosystem.contacts.api.ConsentPurpose.class);
        assertSameNames(LegalBasis.class, fi.ecosystem.contacts.api.LegalBasis.class);
        assertSameNames(ConsentSource.class, fi.ecosystem.contacts.api.ConsentSource.class);
        assertSameNames(ProjectRole.Source.class, fi.ecosystem.contacts.api.RoleSource.class);
        assertSameNames(OrganisationType.class, fi.ecosystem.contacts.api.OrganisationType.class);
    }

    private static void assertSameNames(Class<? extends Enum<?>> domain, Class<? extends Enum<?>> api) {
        assertThat(names(api)).as(api.getName()).containsExactlyElementsOf(names(domain));
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
