package fi.ecosystem.contacts.contact;

import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.contacts.ContactErased;

import fi.ecosystem.platform.search.SearchWords;
import fi.ecosystem.contracts.contacts.ContactChanged;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.messaging.Aggregate;
import fi.ecosystem.platform.messaging.RecordedEvent;
import fi.ecosystem.platform.web.DomainRuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person the ecosystem works with, one record shared by every city that links them. Every fact carries its
 * source scope (a project, or a city): the details in {@link PersonEntry entries} (one per scope), roles and
 * participations by their project, consents by their {@code scope}. A caller sees the person only through the
 * scopes of their cities, and of them only those facts ({@link #viewFor}, docs/architecture.md). The top-level
 * details are the latest of all entries: the key for matching, erasure and the person's own export, never shown
 * to a city. Enforces its own rules and records the events its changes cause in {@code pendingEvents}, saved
 * atomically with it (the outbox).
 */
@Document("contacts")
@CompoundIndex(name = "by_project_and_name", def = "{'projectIds': 1, 'sortName': 1}")
@CompoundIndex(name = "by_role", def = "{'roles.role': 1}")
@CompoundIndex(name = "by_entry_email", def = "{'entries.email': 1}")
@CompoundIndex(name = "by_entry_phone", def = "{'entries.phone': 1}")
public class Contact extends Aggregate {

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
    /**
     * The participation history as read for a view ({@link ParticipationHistory#load}), and the lines of this change:
     * stored in a collection of their own, not in the person's record, which would grow with every registration.
     */
    @org.springframework.data.annotation.Transient
    private List<Participation> participations = new ArrayList<>();
    @org.springframework.data.annotation.Transient
    private List<Participation> newParticipations = new ArrayList<>();
    /** The projects the person took part in (an event of theirs): who sees an event organiser's view of them. */
    private Set<String> participatedIn = new TreeSet<>();
    private List<Consent> consents = new ArrayList<>();
    /** What each source says of the person's details, one entry per scope, the latest first. */
    private List<PersonEntry> entries = new ArrayList<>();
    /** Every scope a fact of the person has: who may see them at all. */
    @Indexed
    private Set<String> links = new TreeSet<>();
    /** The folded names of every entry: a possible duplicate is looked up here, then checked on the caller's view. */
    @Indexed
    private Set<String> nameKeys = new TreeSet<>();
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

    protected Contact() {
    }

    /** Manual entry by staff or an integrator: the details are those of each project of the caller's city named. */
    public static Contact enter(String id, ContactDetails details, Set<String> projectIds, Instant now) {
        Contact contact = new Contact();
        contact.id = id;
        contact.createdAt = now;
        contact.edit(details, projectIds, "staff", now);
        contact.email = normalise(details.email());
        contact.projectIds.addAll(projectIds);
        contact.refreshSearch();
        return contact;
    }

    /** A new person with nothing known yet but their address; the caller supplies the first entry. */
    static Contact named(String id, String email, Instant now) {
        Contact contact = new Contact();
        contact.id = id;
        contact.email = normalise(email);
        contact.language = "fi";
        contact.createdAt = now;
        return contact;
    }

    /** The entry a registration supplies: what the participant typed on the form (or the organiser, or the file). */
    static PersonEntry entryOf(RegistrationChanged registration, String organisationId, Instant at) {
        RegistrationChanged.Participant participant = registration.participant();
        String language = participant.language() == null || !participant.language().matches(LANGUAGES) ? null : participant.language();
        return new PersonEntry(registration.projectId(), trimmed(participant.firstName()), trimmed(participant.lastName()), null,
                trimmed(participant.organisationName()), organisationId, normalise(participant.email()), null, language,
                "registration " + registration.registrationId(), at);
    }

    /** The entry a project's contact list supplies. */
    static PersonEntry entryOf(String projectId, ProjectChanged.ProjectContact person, Instant at) {
        return new PersonEntry(projectId, trimmed(person.firstName()), trimmed(person.lastName()), null,
                trimmed(person.organisation()), null, normalise(person.email()), null, null, "project", at);
    }

    /**
     * A source supplies what it knows of the person: its entry is added or updated (what it leaves empty stays),
     * and the latest of everything becomes the top-level details. Returns whether anything changed.
     */
    boolean supply(PersonEntry supplied) {
        requireLive();
        if (supplied.scope() == null) {
            return false;
        }
        PersonEntry current = entryOf(supplied.scope()).orElse(null);
        PersonEntry updated = current == null ? supplied : current.updatedBy(supplied);
        if (current != null && sameDetails(current, updated)) {
            return false;
        }
        entries.removeIf(entry -> entry.scope().equals(supplied.scope()));
        entries.add(0, updated);
        firstName = updated.firstName() != null ? updated.firstName() : firstName;
        lastName = updated.lastName() != null ? updated.lastName() : lastName;
        title = updated.title() != null ? updated.title() : title;
        organisationName = updated.organisationName() != null ? updated.organisationName() : organisationName;
        organisationId = updated.organisationId() != null ? updated.organisationId() : organisationId;
        phone = updated.phone() != null ? updated.phone() : phone;
        language = updated.language() != null ? updated.language() : language == null ? "fi" : language;
        touch(supplied.at());
        return true;
    }

    private static boolean sameDetails(PersonEntry a, PersonEntry b) {
        return Objects.equals(a.firstName(), b.firstName()) && Objects.equals(a.lastName(), b.lastName())
                && Objects.equals(a.title(), b.title()) && Objects.equals(a.organisationName(), b.organisationName())
                && Objects.equals(a.organisationId(), b.organisationId()) && Objects.equals(a.email(), b.email())
                && Objects.equals(a.phone(), b.phone()) && Objects.equals(a.language(), b.language());
    }

    private Optional<PersonEntry> entryOf(String scope) {
        return entries.stream().filter(entry -> entry.scope().equals(scope)).findFirst();
    }

    public static String normalise(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    static String nameKeyOf(String firstName, String lastName) {
        return String.join(" ", SearchWords.words((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)));
    }

    /**
     * Staff change what the sources they see say: the entries of these scopes are replaced by the details (a scope
     * without an entry gets one). Entries of other scopes stay as their sources wrote them. The key address is not
     * changed here (see {@link #takeAddress}).
     */
    public void edit(ContactDetails details, Set<String> scopes, String via, Instant now) {
        requireLive();
        validate(details);
        for (String scope : scopes) {
            PersonEntry entry = new PersonEntry(scope, trimmed(details.firstName()), trimmed(details.lastName()),
                    trimmed(details.title()), trimmed(details.organisationName()), trimmed(details.organisationId()),
                    normalise(details.email()), blank(details.phone()) ? null : Phone.e164(details.phone()),
                    details.language() == null ? "fi" : details.language(), via, now);
            entries.removeIf(current -> current.scope().equals(scope));
            entries.add(0, entry);
        }
        firstName = trimmed(details.firstName());
        lastName = trimmed(details.lastName());
        title = trimmed(details.title());
        organisationName = trimmed(details.organisationName());
        organisationId = trimmed(details.organisationId());
        phone = blank(details.phone()) ? null : Phone.e164(details.phone());
        language = details.language() == null ? "fi" : details.language();
        touch(now);
    }

    /** The person's key address becomes this one (the caller checked that nobody else holds it). */
    void takeAddress(String address) {
        String normalised = normalise(address);
        if (normalised == null || normalised.equals(email)) {
            return;
        }
        if (email != null) {
            otherEmails.add(email);
        }
        otherEmails.remove(normalised);
        email = normalised;
        updatedAt = Instant.now();
    }

    private static void validate(ContactDetails details) {
        if (blank(details.firstName()) && blank(details.lastName())) {
            throw new DomainRuleViolation("name-missing", "A person needs a first or last name");
        }
        if (blank(details.email()) && blank(details.phone())) {
            throw new DomainRuleViolation("no-way-to-reach", "Give an e-mail address or a phone number");
        }
        if (details.language() != null && !details.language().matches(LANGUAGES)) {
            throw new IllegalArgumentException("The language is fi, sv or en");
        }
    }

    /**
     * Adds or updates the line for this registration; replaying the same event leaves the history as it is.
     * Returns true if the person's project links changed (others then hear of it).
     */
    boolean participated(RegistrationChanged registration, Instant at) {
        return participated(registration, null, at);
    }

    /** As above; {@code organisationId} is the organisation record the registration's business ID names (or null). */
    boolean participated(RegistrationChanged registration, String organisationId, Instant at) {
        Participation line = new Participation(registration.registrationId(), registration.eventId(),
                registration.projectId(), registration.status(), at);
        participations.removeIf(known -> known.registrationId().equals(registration.registrationId()));
        participations.add(line);
        newParticipations.removeIf(known -> known.registrationId().equals(registration.registrationId()));
        newParticipations.add(line);
        if (registration.projectId() != null) {
            participatedIn.add(registration.projectId());
        }
        if (registration.projectId() != null && anonymisedAt == null && mergedInto == null) {
            supply(entryOf(registration, organisationId, at));
        }
        touch(at);
        boolean consentsAdded = consentedOnTheForm(registration);
        return registration.projectId() != null && projectIds.add(registration.projectId()) || consentsAdded;
    }

    /**
     * Records the consents ticked on the registration form (source FORM, legal basis consent, the policy's
     * version and address), once each: a redelivered event or a later status change adds nothing, and neither does
     * the next registration in the same project that ticks the same text while the consent is in force (else a
     * person's record would grow with every registration). A new text, or a consent withdrawn since, adds one.
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
            String version = blank(given.policyVersion()) ? "unknown" : given.policyVersion().trim();
            if (consents.stream().anyMatch(consent -> consent.id().equals(consentId) || consent.active()
                    && consent.source() == ConsentSource.FORM && consent.purpose() == purpose
                    && version.equals(consent.textVersion()) && Objects.equals(consent.text(), trimmed(given.policyUrl()))
                    && Objects.equals(consent.scope(), registration.projectId()))) {
                continue; // the same text ticked again in the same project: the consent in force proves it already
            }
            consents.add(new Consent(consentId, purpose, LegalBasis.CONSENT, ConsentSource.FORM, trimmed(given.policyUrl()),
                    version, given.givenAt() == null ? Instant.now() : given.givenAt(),
                    "registration " + registration.registrationId(), null, null, registration.projectId()));
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
                && Objects.equals(existing.get().organisation(), organisation)) {
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

    /** @param scope whose consent it is: the recording staff's city, or the project it was given for */
    public Consent giveConsent(String consentId, ConsentPurpose purpose, LegalBasis legalBasis, ConsentSource source,
            String text, String textVersion, String recordedBy, String scope, Instant now) {
        requireLive();
        if (blank(text) && blank(textVersion)) {
            throw new DomainRuleViolation("consent-text-missing", "Record the consent text or its version");
        }
        Consent consent = new Consent(consentId, purpose, legalBasis, source, trimmed(text), trimmed(textVersion), now,
                recordedBy, null, null, scope);
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
        // the duplicate's participation lines are moved by the caller (ParticipationHistory#move)
        participatedIn.addAll(duplicate.participatedIn);
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
        for (PersonEntry entry : duplicate.entries) {
            Optional<PersonEntry> own = entryOf(entry.scope());
            entries.removeIf(current -> current.scope().equals(entry.scope()));
            // where both have a scope's entry, the survivor's values stay and the duplicate's fill the gaps
            entries.add(own.map(entry::updatedBy).orElse(entry));
        }
        entries.sort(Comparator.comparing(PersonEntry::at, Comparator.nullsLast(Comparator.reverseOrder())));
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
                consent.text(), consent.textVersion(), consent.givenAt(), null, consent.withdrawnAt(), null, consent.scope()));
        // the scopes stay (who may see the anonymous record and its statistics), the details go
        entries.replaceAll(entry -> new PersonEntry(entry.scope(), null, null, null, null, null, null, null, null, null,
                entry.at()));
        anonymisedAt = now;
        updatedAt = now;
        refreshSearch();
        nameKey = null;
    }

    public boolean hasActiveConsent() {
        return consents.stream().anyMatch(Consent::active);
    }

    /** Records {@code contact.changed} (what others hear of the person) for the cities given; saving publishes it. */
    void recordChanged(java.util.Collection<String> cities) {
        record(RecordedEvent.of(Topics.CONTACTS, id, ContactChanged.TYPE, ContactChanged.VERSION, cities,
                new ContactChanged(id, displayName(), organisationName, List.copyOf(projectIds))));
    }

    /**
     * The person is forgotten: anonymised, and {@code contact.erased} recorded with the keyed hashes of every address
     * they had (taken before the addresses go), so the other services find their copies without the addresses.
     */
    public void erase(Instant now, EmailHash emailHash, java.util.Collection<String> cities) {
        List<String> otherHashes = otherEmails.stream().map(emailHash::of).sorted().toList();
        ContactErased erased = new ContactErased(id, email == null ? null : emailHash.of(email), otherHashes);
        anonymise(now);
        record(RecordedEvent.of(Topics.CONTACTS, id, ContactErased.TYPE, ContactErased.VERSION, cities, erased));
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
        nameKeys = new TreeSet<>();
        for (PersonEntry entry : entries) {
            if (anonymisedAt == null && (entry.firstName() != null || entry.lastName() != null)) {
                nameKeys.add(nameKeyOf(entry.firstName(), entry.lastName()));
            }
        }
        links = new TreeSet<>(projectIds);
        entries.forEach(entry -> links.add(entry.scope()));
        roles.forEach(role -> links.add(role.projectId()));
        links.addAll(participatedIn);
        consents.stream().map(Consent::scope).filter(java.util.Objects::nonNull).forEach(links::add);
        sortName = anonymisedAt != null ? "~" : SearchWords.fold(((lastName == null ? "" : lastName) + " "
                + (firstName == null ? "" : firstName)).trim());
    }

    /**
     * The person as this caller may see them: the facts of visible scopes only. For an event organiser, only the
     * scopes the person took part in. Empty scopes: not visible at all.
     */
    public PersonView viewFor(Visibility visibility) {
        Predicate<String> shown = scope -> visibility.sees(scope) && (!visibility.participantsOnly()
                || participatedIn.contains(scope));
        Set<String> scopes = new TreeSet<>();
        links.stream().filter(shown).forEach(scopes::add);
        if (links.isEmpty()) { // not yet migrated: what it is linked to, as before
            projectIds.stream().filter(shown).forEach(scopes::add);
        }
        List<PersonEntry> visibleEntries = entries.stream().filter(entry -> shown.test(entry.scope()))
                .sorted(Comparator.comparing(PersonEntry::at, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
        List<ProjectRole> visibleRoles = roles.stream().filter(role -> shown.test(role.projectId())).toList();
        List<Participation> visibleParticipations = participations.stream()
                .filter(line -> line.projectId() != null && shown.test(line.projectId())).toList();
        List<Consent> visibleConsents = consents.stream().filter(consent -> shown.test(consent.scope())).toList();
        Set<String> visibleProjects = new TreeSet<>();
        scopes.stream().filter(scope -> !Scopes.isCity(scope)).forEach(visibleProjects::add);
        // the person's own address first, when a visible source gave it
        String shownEmail = email != null && visibleEntries.stream().anyMatch(entry -> email.equals(entry.email())) ? email
                : first(visibleEntries, PersonEntry::email);
        Set<String> shownOtherEmails = new TreeSet<>();
        visibleEntries.stream().map(PersonEntry::email).filter(address -> address != null && !address.equals(shownEmail))
                .forEach(shownOtherEmails::add);
        Instant created = visibleEntries.stream().map(PersonEntry::at).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        List<Instant> times = new ArrayList<>();
        visibleEntries.forEach(entry -> times.add(entry.at()));
        visibleRoles.forEach(role -> times.add(role.since()));
        visibleParticipations.forEach(line -> times.add(line.at()));
        visibleConsents.forEach(consent -> times.add(consent.withdrawnAt() != null ? consent.withdrawnAt() : consent.givenAt()));
        Instant latest = times.stream().filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        boolean anonymised = anonymisedAt != null;
        return new PersonView(id, shownEmail, shownOtherEmails,
                anonymised ? null : first(visibleEntries, PersonEntry::firstName),
                anonymised ? null : first(visibleEntries, PersonEntry::lastName), first(visibleEntries, PersonEntry::title),
                first(visibleEntries, PersonEntry::organisationName), first(visibleEntries, PersonEntry::organisationId),
                first(visibleEntries, PersonEntry::phone), first(visibleEntries, PersonEntry::language), visibleProjects,
                visibleRoles, visibleConsents, visibleParticipations,
                // who was merged into them tells of another city's work unless the caller sees every source
                links.stream().allMatch(shown) ? List.copyOf(mergedFrom) : List.of(), anonymised,
                created == null ? latest : created, latest, latest, visibleEntries, scopes);
    }

    private static String first(List<PersonEntry> entries, Function<PersonEntry, String> field) {
        return entries.stream().map(field).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The migration's part (see {@link PersonSources}): the entries and consent scopes found from what is known. */
    void sourced(List<PersonEntry> found, Map<String, String> consentScopes) {
        entries = new ArrayList<>(found);
        entries.sort(Comparator.comparing(PersonEntry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        consents.replaceAll(consent -> consent.scope() != null ? consent
                : consent.inScope(consentScopes.getOrDefault(consent.id(), null)));
        refreshSearch();
    }

    /** Staff linked the person to these projects of theirs. */
    void linkProjects(Set<String> linked) {
        projectIds.addAll(linked);
        refreshSearch();
    }

    List<PersonEntry> entries() {
        return List.copyOf(entries);
    }

    public Set<String> links() {
        return Set.copyOf(links);
    }

    Set<String> nameKeys() {
        return Set.copyOf(nameKeys);
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

    /** The participation history as last read ({@link ParticipationHistory#load}), with this change's lines. */
    public List<Participation> participations() {
        return List.copyOf(participations);
    }

    /** The lines this change added or changed, to be written after the person is saved. */
    List<ParticipationLine> newParticipations() {
        return newParticipations.stream().map(line -> ParticipationLine.of(id, line)).toList();
    }

    /** The history as read from its collection; the lines of this change not yet written stay on top of it. */
    void historyRead(List<Participation> lines) {
        List<Participation> read = new ArrayList<>(lines);
        read.removeIf(line -> newParticipations.stream().anyMatch(own -> own.registrationId().equals(line.registrationId())));
        read.addAll(newParticipations);
        participations = read;
    }

    /** After the lines are written. */
    void participationsWritten() {
        newParticipations = new ArrayList<>();
    }

    public Set<String> participatedIn() {
        return Set.copyOf(participatedIn);
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

}
