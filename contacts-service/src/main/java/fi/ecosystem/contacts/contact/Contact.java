package fi.ecosystem.contacts.contact;

import fi.ecosystem.contracts.contacts.ContactChanged;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.messaging.OutboxEvent;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person the ecosystem works with. Linked to projects through their roles and participation; the
 * access rule shares a person with the staff of every city of those projects. Enforces its own rules and
 * records the events its changes cause in {@code pendingEvents}, saved atomically with it (the outbox).
 */
@Document("contacts")
@CompoundIndex(name = "by_project_and_name", def = "{'projectIds': 1, 'sortName': 1}")
@CompoundIndex(name = "by_role", def = "{'roles.role': 1}")
public class Contact {

    public static final String LANGUAGES = "fi|sv|en";
    static final String ANONYMOUS = "Anonymised";

    @Id
    private String id;
    @Indexed(unique = true, sparse = true)
    private String email;
    /** Addresses of people merged into this one: registrations under them still find this person. */
    @Indexed
    private Set<String> otherEmails = new TreeSet<>();
    private String firstName;
    private String lastName;
    private String title;
    private String organisationName;
    @Indexed
    private String organisationId;
    @Indexed
    private String phone;
    private String language;
    @Indexed
    private Set<String> projectIds = new TreeSet<>();
    private List<ProjectRole> roles = new ArrayList<>();
    private List<Participation> participations = new ArrayList<>();
    private List<Consent> consents = new ArrayList<>();
    /** Folded words of the name, for prefix search with an index. */
    @Indexed
    private Set<String> searchTokens = new TreeSet<>();
    /** Folded words of the organisation's name. */
    @Indexed
    private Set<String> organisationTokens = new TreeSet<>();
    /** Folded "first last": the same name is a possible duplicate. */
    @Indexed
    private String nameKey;
    /** Folded "last first", the order of lists. */
    private String sortName;
    @Indexed(sparse = true)
    private String mergedInto;
    private List<String> mergedFrom = new ArrayList<>();
    private Instant anonymisedAt;
    private Instant createdAt;
    private Instant updatedAt;
    /** The latest thing that happened with the person: entry, edit, participation, role or consent. */
    @Indexed
    private Instant lastActivityAt;
    /** The ids of this person's entries in the word index ({@link ContactWords}), as last written. */
    private Set<String> indexedWords = new TreeSet<>();
    @org.springframework.data.annotation.Transient
    private Set<String> previouslyIndexedWords = Set.of();
    @Version
    private Long version;
    private List<OutboxEvent> pendingEvents = new ArrayList<>();

    protected Contact() {
    }

    /** Manual entry by staff or an integrator; linked to projects of the caller's city. */
    public static Contact enter(String id, ContactDetails details, Set<String> projectIds, Instant now) {
        Contact contact = new Contact();
        contact.id = id;
        contact.createdAt = now;
        contact.edit(details, now);
        contact.projectIds.addAll(projectIds);
        return contact;
    }

    static Contact fromRegistration(String id, RegistrationChanged.Participant participant, Instant now) {
        Contact contact = new Contact();
        contact.id = id;
        contact.email = normalise(participant.email());
        contact.firstName = participant.firstName();
        contact.lastName = participant.lastName();
        contact.organisationName = participant.organisationName();
        contact.language = participant.language() == null || !participant.language().matches(LANGUAGES) ? "fi" : participant.language();
        contact.createdAt = now;
        contact.touch(now);
        return contact;
    }

    static Contact fromProject(String id, ProjectChanged.ProjectContact person, Instant now) {
        Contact contact = new Contact();
        contact.id = id;
        contact.email = normalise(person.email());
        contact.firstName = person.firstName();
        contact.lastName = person.lastName();
        contact.organisationName = person.organisation();
        contact.language = "fi";
        contact.createdAt = now;
        contact.touch(now);
        return contact;
    }

    public static String normalise(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    static String nameKeyOf(String firstName, String lastName) {
        return String.join(" ", SearchWords.words((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)));
    }

    public void edit(ContactDetails details, Instant now) {
        requireLive();
        if (blank(details.firstName()) && blank(details.lastName())) {
            throw new DomainRuleViolation("name-missing", "A person needs a first or last name");
        }
        if (blank(details.email()) && blank(details.phone())) {
            throw new DomainRuleViolation("no-way-to-reach", "Give an e-mail address or a phone number");
        }
        if (details.language() != null && !details.language().matches(LANGUAGES)) {
            throw new IllegalArgumentException("The language is fi, sv or en");
        }
        firstName = trimmed(details.firstName());
        lastName = trimmed(details.lastName());
        title = trimmed(details.title());
        organisationName = trimmed(details.organisationName());
        organisationId = trimmed(details.organisationId());
        email = normalise(details.email());
        phone = blank(details.phone()) ? null : Phone.e164(details.phone());
        language = details.language() == null ? "fi" : details.language();
        touch(now);
    }

    /**
     * Adds or updates the line for this registration; replaying the same event leaves the history as it is.
     * Returns true if the person's project links changed (others then hear of it).
     */
    boolean participated(RegistrationChanged registration, Instant at) {
        participations.removeIf(line -> line.registrationId().equals(registration.registrationId()));
        participations.add(new Participation(registration.registrationId(), registration.eventId(),
                registration.projectId(), registration.status(), at));
        touch(at);
        boolean consentsAdded = consentedOnTheForm(registration);
        return registration.projectId() != null && projectIds.add(registration.projectId()) || consentsAdded;
    }

    /**
     * Records the consents ticked on the registration form (source FORM, legal basis consent, the policy's
     * version and address), once each: a redelivered event or a later status change adds nothing.
     */
    private boolean consentedOnTheForm(RegistrationChanged registration) {
        boolean added = false;
        for (RegistrationChanged.Consent given : registration.consents()) {
            ConsentPurpose purpose;
            try {
                purpose = ConsentPurpose.valueOf(given.purpose());
            } catch (IllegalArgumentException | NullPointerException unknownPurpose) {
                continue; // a purpose this version does not know is not recorded as something else
            }
            String consentId = "registration-" + registration.registrationId() + "-" + purpose.name().toLowerCase(Locale.ROOT);
            if (consents.stream().anyMatch(consent -> consent.id().equals(consentId))) {
                continue;
            }
            consents.add(new Consent(consentId, purpose, LegalBasis.CONSENT, ConsentSource.FORM, trimmed(given.policyUrl()),
                    blank(given.policyVersion()) ? "unknown" : given.policyVersion().trim(),
                    given.givenAt() == null ? Instant.now() : given.givenAt(),
                    "registration " + registration.registrationId(), null, null));
            added = true;
        }
        return added;
    }

    /** Sets the person's role in a project (one role per project and source); returns whether anything changed. */
    public boolean assignRole(String projectId, String role, String organisation, ProjectRole.Source source, Instant now) {
        requireLive();
        String normalisedRole = role.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        Optional<ProjectRole> existing = roleIn(projectId, source);
        if (existing.isPresent() && existing.get().role().equals(normalisedRole)
                && java.util.Objects.equals(existing.get().organisation(), organisation)) {
            return false;
        }
        roles.removeIf(current -> current.projectId().equals(projectId) && current.source() == source);
        roles.add(new ProjectRole(projectId, normalisedRole, organisation, source,
                existing.map(ProjectRole::since).orElse(now)));
        roles.sort(Comparator.comparing(ProjectRole::projectId).thenComparing(ProjectRole::source));
        projectIds.add(projectId);
        touch(now);
        return true;
    }

    /** Removes the role of that source in the project; the person stays linked to the project (their history). */
    public boolean removeRole(String projectId, ProjectRole.Source source, Instant now) {
        boolean removed = roles.removeIf(current -> current.projectId().equals(projectId) && current.source() == source);
        if (removed) {
            touch(now);
        }
        return removed;
    }

    public Consent giveConsent(String consentId, ConsentPurpose purpose, LegalBasis legalBasis, ConsentSource source,
            String text, String textVersion, String recordedBy, Instant now) {
        requireLive();
        if (blank(text) && blank(textVersion)) {
            throw new DomainRuleViolation("consent-text-missing", "Record the consent text or its version");
        }
        Consent consent = new Consent(consentId, purpose, legalBasis, source, trimmed(text), trimmed(textVersion), now,
                recordedBy, null, null);
        consents.add(consent);
        touch(now);
        return consent;
    }

    public Consent withdrawConsent(String consentId, String withdrawnBy, Instant now) {
        for (int i = 0; i < consents.size(); i++) {
            Consent consent = consents.get(i);
            if (consent.id().equals(consentId)) {
                if (!consent.active()) {
                    throw new DomainRuleViolation("consent-withdrawn", "The consent was withdrawn already");
                }
                Consent withdrawn = consent.withdrawn(now, withdrawnBy);
                consents.set(i, withdrawn);
                touch(now);
                return withdrawn;
            }
        }
        throw new fi.ecosystem.platform.web.NotFoundException("Consent " + consentId);
    }

    /**
     * Takes over a duplicate's history: participations, consents, roles and project links are united (running
     * it again changes nothing), the duplicate's addresses keep finding this person, and what this person
     * lacks is filled from the duplicate.
     */
    void absorb(Contact duplicate) {
        requireLive();
        if (duplicate.id.equals(id)) {
            throw new DomainRuleViolation("merge-self", "A person cannot be merged with themselves");
        }
        if (duplicate.mergedInto != null && !duplicate.mergedInto.equals(id)) {
            throw new DomainRuleViolation("already-merged", "That person was merged into another one already");
        }
        for (Participation line : duplicate.participations) {
            if (participations.stream().noneMatch(own -> own.registrationId().equals(line.registrationId()))) {
                participations.add(line);
            }
        }
        participations.sort(Comparator.comparing(Participation::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (Consent consent : duplicate.consents) {
            if (consents.stream().noneMatch(own -> own.id().equals(consent.id()))) {
                consents.add(consent);
            }
        }
        consents.sort(Comparator.comparing(Consent::givenAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (ProjectRole role : duplicate.roles) {
            if (roleIn(role.projectId(), role.source()).isEmpty()) {
                roles.add(role);
            }
        }
        projectIds.addAll(duplicate.projectIds);
        if (duplicate.email != null && !duplicate.email.equals(email)) {
            otherEmails.add(duplicate.email);
        }
        otherEmails.addAll(duplicate.otherEmails);
        if (!mergedFrom.contains(duplicate.id)) {
            mergedFrom.add(duplicate.id);
        }
        title = title == null ? duplicate.title : title;
        phone = phone == null ? duplicate.phone : phone;
        organisationName = organisationName == null ? duplicate.organisationName : organisationName;
        organisationId = organisationId == null ? duplicate.organisationId : organisationId;
        if (duplicate.lastActivityAt != null && (lastActivityAt == null || duplicate.lastActivityAt.isAfter(lastActivityAt))) {
            lastActivityAt = duplicate.lastActivityAt;
        }
        updatedAt = Instant.now();
        refreshSearch();
    }

    /**
     * After a merge, a person without an address of their own takes the duplicate's: possible only once the
     * duplicate has let go of it (the address is unique). Returns whether anything changed.
     */
    boolean adoptOtherEmail() {
        if (email != null || otherEmails.isEmpty()) {
            return false;
        }
        email = otherEmails.iterator().next();
        otherEmails.remove(email);
        return true;
    }

    /** The duplicate after a merge: a pointer to the person it became, found by no search. */
    void mergedInto(String survivorId) {
        mergedInto = survivorId;
        email = null;
        otherEmails.clear();
        searchTokens.clear();
        organisationTokens.clear();
        nameKey = null;
        updatedAt = Instant.now();
    }

    /**
     * Removes everything that identifies the person; keeps what statistics need (participations, roles,
     * consents as proof of what was agreed).
     */
    public void anonymise(Instant now) {
        firstName = null;
        lastName = null;
        title = null;
        email = null;
        otherEmails.clear();
        phone = null;
        consents.replaceAll(consent -> new Consent(consent.id(), consent.purpose(), consent.legalBasis(), consent.source(),
                consent.text(), consent.textVersion(), consent.givenAt(), null, consent.withdrawnAt(), null));
        anonymisedAt = now;
        updatedAt = now;
        refreshSearch();
        nameKey = null;
    }

    public boolean hasActiveConsent() {
        return consents.stream().anyMatch(Consent::active);
    }

    ContactChanged changed() {
        return new ContactChanged(id, displayName(), organisationName, List.copyOf(projectIds));
    }

    public void record(OutboxEvent event) {
        pendingEvents.add(event);
    }

    private Optional<ProjectRole> roleIn(String projectId, ProjectRole.Source source) {
        return roles.stream().filter(role -> role.projectId().equals(projectId) && role.source() == source).findFirst();
    }

    private void touch(Instant now) {
        updatedAt = Instant.now();
        if (lastActivityAt == null || now.isAfter(lastActivityAt)) {
            lastActivityAt = now;
        }
        refreshSearch();
    }

    private void refreshSearch() {
        searchTokens = new TreeSet<>(SearchWords.of(firstName, lastName));
        organisationTokens = new TreeSet<>(SearchWords.of(organisationName));
        nameKey = anonymisedAt != null || (firstName == null && lastName == null) ? null : nameKeyOf(firstName, lastName);
        sortName = anonymisedAt != null ? "~" : SearchWords.fold(((lastName == null ? "" : lastName) + " "
                + (firstName == null ? "" : firstName)).trim());
    }

    private void requireLive() {
        if (mergedInto != null) {
            throw new DomainRuleViolation("merged", "This person was merged into " + mergedInto);
        }
        if (anonymisedAt != null) {
            throw new DomainRuleViolation("anonymised", "This person was anonymised");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }

    /** Before each save: the word index entries this person is to have; the ones they had are remembered. */
    void indexWords(Set<String> keys) {
        previouslyIndexedWords = Set.copyOf(indexedWords);
        indexedWords = new TreeSet<>(keys);
    }

    Set<String> indexedWords() {
        return Set.copyOf(indexedWords);
    }

    Set<String> previouslyIndexedWords() {
        return previouslyIndexedWords;
    }

    Set<String> searchTokens() {
        return Set.copyOf(searchTokens);
    }

    Set<String> organisationTokens() {
        return Set.copyOf(organisationTokens);
    }

    String sortName() {
        return sortName;
    }

    public String displayName() {
        if (anonymisedAt != null) {
            return ANONYMOUS;
        }
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public Set<String> otherEmails() {
        return Set.copyOf(otherEmails);
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String title() {
        return title;
    }

    public String organisationName() {
        return organisationName;
    }

    public String organisationId() {
        return organisationId;
    }

    public String phone() {
        return phone;
    }

    public String language() {
        return language;
    }

    public Set<String> projectIds() {
        return Set.copyOf(projectIds);
    }

    public List<ProjectRole> roles() {
        return List.copyOf(roles);
    }

    public List<Participation> participations() {
        return List.copyOf(participations);
    }

    public List<Consent> consents() {
        return List.copyOf(consents);
    }

    public String mergedInto() {
        return mergedInto;
    }

    public List<String> mergedFrom() {
        return List.copyOf(mergedFrom);
    }

    public Instant anonymisedAt() {
        return anonymisedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public List<OutboxEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
