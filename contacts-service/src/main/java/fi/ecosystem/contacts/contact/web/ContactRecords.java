package fi.ecosystem.contacts.contact.web;

import fi.ecosystem.contacts.api.ConsentPurpose;
import fi.ecosystem.contacts.api.ConsentSource;
import fi.ecosystem.contacts.api.ContactResponse;
import fi.ecosystem.contacts.api.ContactSummary;
import fi.ecosystem.contacts.api.DuplicateCandidate;
import fi.ecosystem.contacts.api.LegalBasis;
import fi.ecosystem.contacts.api.PersonRequest;
import fi.ecosystem.contacts.api.RoleSource;
import fi.ecosystem.contacts.contact.Consent;
import fi.ecosystem.contacts.contact.ContactDetails;
import fi.ecosystem.contacts.contact.Participation;
import fi.ecosystem.contacts.contact.PersonEntry;
import fi.ecosystem.contacts.contact.PersonView;
import fi.ecosystem.contacts.contact.Phone;
import fi.ecosystem.contacts.contact.PossibleDuplicates;
import fi.ecosystem.contacts.contact.ProjectRole;
import fi.ecosystem.platform.web.InvalidFields;
import java.util.List;

/**
 * A person as the API's records say it (contacts-api) and back: the domain keeps its own types, the wire has the
 * records the web UI's client reads. Enums map by name.
 */
final class ContactRecords {

    /** The phone check's message, as bean validation of the request gave it before the record moved to contacts-api. */
    static final String NOT_A_PHONE = "must be a phone number such as 040 123 4567, 09 310 1691 or +46 8 123 456";

    private ContactRecords() {
    }

    static ContactResponse response(PersonView contact) {
        return new ContactResponse(contact.id(), contact.email(), contact.otherEmails(), contact.firstName(),
                contact.lastName(), contact.title(), contact.organisationName(), contact.organisationId(), contact.phone(),
                contact.language(), contact.projectIds(), roles(contact.roles()),
                contact.consents() == null ? null : contact.consents().stream().map(ContactRecords::consent).toList(),
                participations(contact.participations()), contact.mergedFrom(), contact.anonymised(), contact.createdAt(),
                contact.updatedAt(), contact.lastActivityAt(),
                contact.entries() == null ? null : contact.entries().stream().map(ContactRecords::source).toList());
    }

    static ContactSummary summary(PersonView contact) {
        return new ContactSummary(contact.id(), contact.firstName(), contact.lastName(), contact.title(),
                contact.organisationName(), contact.email(), contact.phone(), contact.language(), contact.projectIds(),
                roles(contact.roles()), participations(contact.participations()), contact.anonymised(),
                contact.lastActivityAt());
    }

    static DuplicateCandidate candidate(PossibleDuplicates.Candidate candidate) {
        return new DuplicateCandidate(candidate.id(), candidate.firstName(), candidate.lastName(),
                candidate.organisationName(), candidate.email(), candidate.phone(), candidate.matchedOn());
    }

    /** The details staff entered; a phone that is no phone number is refused as the request's own validation refuses fields. */
    static ContactDetails details(PersonRequest request) {
        if (request.phone() != null && !request.phone().isBlank() && !Phone.isValid(request.phone())) {
            throw InvalidFields.of("phone", "AssertTrue", NOT_A_PHONE);
        }
        return new ContactDetails(request.firstName(), request.lastName(), request.title(), request.organisationName(),
                request.organisationId(), request.email(), request.phone(), request.language());
    }

    static fi.ecosystem.contacts.contact.ConsentPurpose purpose(ConsentPurpose purpose) {
        return fi.ecosystem.contacts.contact.ConsentPurpose.valueOf(purpose.name());
    }

    static fi.ecosystem.contacts.contact.LegalBasis legalBasis(LegalBasis basis) {
        return fi.ecosystem.contacts.contact.LegalBasis.valueOf(basis.name());
    }

    static fi.ecosystem.contacts.contact.ConsentSource source(ConsentSource source) {
        return fi.ecosystem.contacts.contact.ConsentSource.valueOf(source.name());
    }

    private static List<ContactResponse.Role> roles(List<ProjectRole> roles) {
        return roles == null ? null : roles.stream().map(role -> new ContactResponse.Role(role.projectId(), role.role(),
                role.organisation(), role.source() == null ? null : RoleSource.valueOf(role.source().name()), role.since()))
                .toList();
    }

    private static List<ContactResponse.Participation> participations(List<Participation> participations) {
        return participations == null ? null : participations.stream().map(p -> new ContactResponse.Participation(
                p.registrationId(), p.eventId(), p.projectId(), p.status(), p.at())).toList();
    }

    private static ContactResponse.Consent consent(Consent consent) {
        return new ContactResponse.Consent(consent.id(),
                consent.purpose() == null ? null : ConsentPurpose.valueOf(consent.purpose().name()),
                consent.legalBasis() == null ? null : LegalBasis.valueOf(consent.legalBasis().name()),
                consent.source() == null ? null : ConsentSource.valueOf(consent.source().name()), consent.text(),
                consent.textVersion(), consent.givenAt(), consent.recordedBy(), consent.withdrawnAt(), consent.withdrawnBy(),
                consent.scope());
    }

    private static ContactResponse.Source source(PersonEntry entry) {
        return new ContactResponse.Source(entry.scope(), entry.firstName(), entry.lastName(), entry.title(),
                entry.organisationName(), entry.organisationId(), entry.email(), entry.phone(), entry.language(), entry.via(),
                entry.at());
    }
}
