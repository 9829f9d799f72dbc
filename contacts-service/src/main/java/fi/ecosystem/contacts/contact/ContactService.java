package fi.ecosystem.contacts.contact;

import fi.ecosystem.platform.search.SearchWords;
import fi.ecosystem.contacts.access.ContactsAccess;
import fi.ecosystem.contracts.PersonalData;
import fi.ecosystem.contracts.contacts.ContactErased;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.contracts.organisations.BusinessId;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.contacts.organisation.OrganisationService;
import fi.ecosystem.platform.privacy.PersonalDataKeys;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.DomainRuleViolation;
import fi.ecosystem.platform.web.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Use cases of people: each loads, applies the access rule, lets the person decide, and saves them with
 * their events in one write; every change is written to the audit trail.
 */
@Service
public class ContactService {

    static final String AREA = ContactsAccess.AREA;
    /** The most rows an export gives; larger lists are narrowed with filters first. */
    public static final int EXPORT_LIMIT = 10_000;
    private static final int ATTEMPTS = 5;
    /**
     * Fields a list row is made of: the caller's view needs the entries, links and every fact's scope (the consents
     * only for the view's times); no audit or index fields.
     */
    static final String[] SUMMARY_FIELDS = {"email", "firstName", "lastName", "title", "organisationName",
        "organisationId", "phone", "language", "projectIds", "roles", "participatedIn", "consents", "entries", "links",
        "mergedFrom", "anonymisedAt", "createdAt", "updatedAt", "lastActivityAt"};

    private final ContactRepository contacts;
    private final MongoTemplate mongo;
    private final ProjectAccessDirectory projects;
    private final ContactAudit audit;
    private final ContactWords words;
    private final MergedAddresses addresses;
    private final OrganisationService organisations;
    private final ParticipationHistory history;
    /** The personal data keys; null where the platform's messaging is off (slice tests), and with it the sealing. */
    private final PersonalDataKeys keys;

    ContactService(ContactRepository contacts, MongoTemplate mongo, ProjectAccessDirectory projects,
            ContactAudit audit, ContactWords words, MergedAddresses addresses, OrganisationService organisations,
            ParticipationHistory history, org.springframework.beans.factory.ObjectProvider<PersonalDataKeys> keys) {
        this.keys = keys.getIfAvailable();
        this.history = history;
        this.organisations = organisations;
        this.contacts = contacts;
        this.mongo = mongo;
        this.projects = projects;
        this.audit = audit;
        this.words = words;
        this.addresses = addresses;
    }

    /**
     * What the caller may see of people: the scopes of their cities — the projects those cities take part in and
     * the cities themselves. 403 without a reading role (a bare member of a city's organisation reads nothing
     * personal); an event organiser without another role sees people only through the events they took part in.
     */
    public Visibility visibility(CityUser user) {
        ContactsAccess.requireMayReadPeople(user);
        Set<String> scopes = new HashSet<>(projects.projectsOf(user.cities()));
        user.cities().forEach(city -> scopes.add(Scopes.city(city)));
        return new Visibility(scopes, ContactsAccess.seesParticipantsOnly(user));
    }

    public Page<PersonView> list(CityUser user, Pageable pageable) {
        return search(user, ContactFilter.NONE, pageable);
    }

    /**
     * A page of the people the caller sees, each as the caller sees them. Every search but one by e-mail goes
     * through the word index (see {@link ContactWords}), which matches on the facts the caller sees only; a lookup
     * by e-mail through the unique index on e-mail, then the caller's view of that person is checked.
     */
    public Page<PersonView> search(CityUser user, ContactFilter filter, Pageable pageable) {
        Visibility visibility = visibility(user);
        if (!blank(filter.email())) {
            List<PersonView> found = emailSearch(visibility, filter);
            return new PageImpl<>(pageable.getOffset() > 0 ? List.of() : found, pageable, found.size());
        }
        List<ContactWordEntries.Seen> found = wordSearch(visibility, filter, pageable.getSort());
        if (byName(pageable.getSort())) {
            int from = (int) Math.min(pageable.getOffset(), found.size());
            int to = Math.min(from + pageable.getPageSize(), found.size());
            return new PageImpl<>(views(withHistory(byIds(found.subList(from, to))), visibility), pageable, found.size());
        }
        Query page = new Query(Criteria.where("_id").in(found.stream().map(ContactWordEntries.Seen::contactId).toList()))
                .with(pageable);
        page.fields().include(SUMMARY_FIELDS);
        return new PageImpl<>(views(withHistory(mongo.find(page, Contact.class)), visibility), pageable, found.size());
    }

    public List<PersonView> export(CityUser user, ContactFilter filter, Sort sort) {
        Visibility visibility = visibility(user);
        if (!blank(filter.email())) {
            return emailSearch(visibility, filter);
        }
        List<ContactWordEntries.Seen> found = wordSearch(visibility, filter, sort);
        found = found.subList(0, Math.min(found.size(), EXPORT_LIMIT));
        if (!byName(sort)) {
            Query query = new Query(Criteria.where("_id").in(found.stream().map(ContactWordEntries.Seen::contactId).toList()))
                    .with(sort);
            query.fields().include(SUMMARY_FIELDS);
            return views(mongo.find(query, Contact.class), visibility);
        }
        List<Contact> rows = new ArrayList<>();
        for (int from = 0; from < found.size(); from += 500) {
            rows.addAll(byIds(found.subList(from, Math.min(found.size(), from + 500))));
        }
        return views(rows, visibility);
    }

    /** The people with their participation histories read (one query): a list row shows them. */
    private List<Contact> withHistory(List<Contact> people) {
        history.load(people);
        return people;
    }

    private static List<PersonView> views(List<Contact> people, Visibility visibility) {
        return people.stream().map(person -> person.viewFor(visibility)).filter(view -> !view.scopes().isEmpty()).toList();
    }

    /**
     * A lookup by address finds the person only if an entry the caller sees holds that address: the caller
     * typed it themselves (or a city of the same project did). The other filters are checked on the same view.
     */
    private List<PersonView> emailSearch(Visibility visibility, ContactFilter filter) {
        String address = Contact.normalise(filter.email());
        Contact found = byEmail(address).orElse(null);
        if (found == null) {
            found = byEntryEmail(address, visibility);
        }
        if (found == null || found.mergedInto() != null) {
            return List.of();
        }
        PersonView view = withHistory(List.of(found)).get(0).viewFor(visibility);
        Set<String> ofCity = blank(filter.city()) ? null : cityScopes(filter.city());
        boolean matches = !view.scopes().isEmpty()
                && (address.equals(view.email()) || view.otherEmails().contains(address))
                && SearchWords.words(filter.q()).stream().allMatch(prefix ->
                        SearchWords.of(view.firstName(), view.lastName()).stream().anyMatch(word -> word.startsWith(prefix)))
                && SearchWords.words(filter.organisation()).stream().allMatch(prefix ->
                        SearchWords.of(view.organisationName()).stream().anyMatch(word -> word.startsWith(prefix)))
                && (blank(filter.organisationId()) || filter.organisationId().trim().equals(view.organisationId()))
                && (blank(filter.role()) || view.roles().stream().anyMatch(role ->
                        role.role().equals(ContactWordEntries.roleTerm(filter.role()))))
                && (blank(filter.projectId()) || view.scopes().contains(filter.projectId()))
                && (ofCity == null || view.scopes().stream().anyMatch(ofCity::contains));
        return matches ? List.of(view) : List.of();
    }

    /** An address only an entry holds (an edit that could not take the key address): among the caller's people. */
    private Contact byEntryEmail(String address, Visibility visibility) {
        Query query = new Query(Criteria.where("entries.email").is(address).and("links").in(visibility.scopes())
                .and("mergedInto").is(null)).limit(1);
        return mongo.findOne(query, Contact.class);
    }

    private static boolean byName(Sort sort) {
        Sort.Order first = sort.stream().findFirst().orElse(null);
        return first == null || first.getProperty().equals("sortName");
    }

    /** The scopes of a city: the projects it takes part in and its own. */
    private Set<String> cityScopes(String city) {
        Set<String> scopes = new HashSet<>(projects.projectsOf(Set.of(city)));
        scopes.add(Scopes.city(city));
        return scopes;
    }

    private List<ContactWordEntries.Seen> wordSearch(Visibility visibility, ContactFilter filter, Sort sort) {
        Set<String> ofCity = blank(filter.city()) ? null : cityScopes(filter.city());
        Set<String> toRead = new HashSet<>(visibility.scopes());
        if (!blank(filter.projectId())) {
            toRead.retainAll(Set.of(filter.projectId()));
        }
        if (ofCity != null) {
            toRead.retainAll(ofCity);
        }
        boolean descending = !byName(sort) || sort.stream().findFirst().map(Sort.Order::isDescending).orElse(false);
        Predicate<ContactWordEntries.Fact> visible = visibility.participantsOnly()
                ? fact -> fact.participated() && visibility.sees(fact.scope())
                : fact -> visibility.sees(fact.scope());
        return words.find(new ContactWords.Search(SearchWords.words(filter.q()), SearchWords.words(filter.organisation()),
                blank(filter.role()) ? null : filter.role(), blank(filter.organisationId()) ? null : filter.organisationId().trim(),
                toRead, visible, linked -> (ofCity == null || linked.stream().anyMatch(ofCity::contains))
                        && (blank(filter.projectId()) || linked.contains(filter.projectId())),
                byName(sort) && descending));
    }

    /** The people of these index entries in the same order, read by id (summary fields). */
    private List<Contact> byIds(List<ContactWordEntries.Seen> entries) {
        Query query = new Query(Criteria.where("_id").in(entries.stream().map(ContactWordEntries.Seen::contactId).toList()));
        query.fields().include(SUMMARY_FIELDS);
        Map<String, Contact> read = new HashMap<>();
        mongo.find(query, Contact.class).forEach(contact -> read.put(contact.id(), contact));
        return entries.stream().map(entry -> read.get(entry.contactId())).filter(java.util.Objects::nonNull).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * One person the caller sees, with their participation history (404 otherwise, as if absent); a merged id leads to
     * the person it was merged into.
     */
    public Contact get(CityUser user, String id) {
        Visibility visibility = visibility(user);
        Contact contact = find(id);
        if (contact == null || !visibility.seesPerson(contact)) {
            throw new NotFoundException("Contact " + id);
        }
        history.load(List.of(contact));
        return contact;
    }

    /** One person as the caller sees them. */
    public PersonView view(CityUser user, String id) {
        return get(user, id).viewFor(visibility(user));
    }

    private Contact find(String id) {
        Contact contact = contacts.findById(id).orElse(null);
        for (int hops = 0; contact != null && contact.mergedInto() != null && hops < 10; hops++) {
            contact = contacts.findById(contact.mergedInto()).orElse(null);
        }
        return contact;
    }

    /** The cities that may see something of the person: those of every scope of theirs. */
    public Set<String> citiesOf(Contact contact) {
        Set<String> cities = new HashSet<>();
        Set<String> scopes = new HashSet<>(contact.links());
        scopes.addAll(contact.projectIds());
        for (String scope : scopes) {
            if (Scopes.isCity(scope)) {
                cities.add(Scopes.cityOf(scope));
            } else {
                cities.addAll(projects.citiesOf(scope));
            }
        }
        return cities;
    }

    /**
     * Manual entry. Someone with the same e-mail, phone or name among the people the caller sees, as the caller
     * sees them, is a possible duplicate: answered with the candidates unless {@code allowDuplicate}; the same
     * e-mail of a visible person always. An address that belongs to someone the caller does not see links that
     * person to the caller's projects with what the caller entered, and the answer is the caller's view: the same
     * as for a new person (linking is not looking).
     */
    public PersonView create(CityUser user, ContactDetails details, Set<String> projectIds, boolean allowDuplicate) {
        ContactsAccess.requireMayWrite(user);
        requireOwnProjects(user, projectIds);
        Visibility visibility = visibility(user);
        Instant now = Instant.now();
        Contact entered = Contact.enter(UUID.randomUUID().toString(), details, projectIds, now);
        checkDuplicates(visibility, entered, allowDuplicate);
        Contact existing = entered.email() == null ? null : byEmail(entered.email()).orElse(null);
        if (existing != null && existing.anonymisedAt() == null) {
            Contact linked = retried(() -> {
                Contact current = find(existing.id());
                for (String projectId : projectIds) {
                    current.supply(new PersonEntry(projectId, entered.firstName(), entered.lastName(), entered.title(),
                            entered.organisationName(), entered.organisationId(), entered.email(), entered.phone(),
                            entered.language(), "staff", now));
                }
                current.linkProjects(projectIds);
                current.recordChanged(citiesOf(current));
                return contacts.save(current);
            });
            history.load(List.of(linked));
            audit.record(linked.id(), user, "created", Map.of("projectIds", List.copyOf(projectIds),
                    "allowedDuplicate", allowDuplicate, "linked", true));
            return linked.viewFor(visibility);
        }
        entered.recordChanged(citiesOf(entered));
        Contact saved = contacts.insert(entered);
        audit.record(saved.id(), user, "created", Map.of("projectIds", List.copyOf(projectIds),
                "allowedDuplicate", allowDuplicate));
        return saved.viewFor(visibility);
    }

    private void checkDuplicates(Visibility visibility, Contact entered, boolean allowDuplicate) {
        List<PossibleDuplicates.Candidate> candidates = alike(visibility, entered.email(), entered.phone(),
                entered.firstName(), entered.lastName(), null);
        boolean sameEmail = candidates.stream().anyMatch(candidate -> candidate.matchedOn().contains("email"));
        if (sameEmail || (!candidates.isEmpty() && !allowDuplicate)) {
            throw new PossibleDuplicates(candidates, sameEmail);
        }
    }

    /**
     * People who may be the same as this person, so that staff can merge them: the same e-mail, phone or name,
     * each compared with what the caller sees of both (the candidates' other cities' facts neither match nor show).
     */
    public List<PossibleDuplicates.Candidate> duplicatesOf(CityUser user, String id) {
        Visibility visibility = visibility(user);
        PersonView person = get(user, id).viewFor(visibility);
        List<PossibleDuplicates.Candidate> candidates = new ArrayList<>();
        for (PersonEntry entry : person.entries()) {
            for (PossibleDuplicates.Candidate candidate : alike(visibility, Contact.normalise(entry.email()), entry.phone(),
                    entry.firstName(), entry.lastName(), person.id())) {
                if (candidates.stream().noneMatch(known -> known.id().equals(candidate.id()))) {
                    candidates.add(candidate);
                }
            }
        }
        return candidates;
    }

    private List<PossibleDuplicates.Candidate> alike(Visibility visibility, String email, String phone, String firstName,
            String lastName, String excludedId) {
        List<Criteria> alike = new ArrayList<>();
        if (email != null) {
            alike.add(Criteria.where("email").is(email));
            alike.add(Criteria.where("otherEmails").is(email));
            alike.add(Criteria.where("entries.email").is(email));
        }
        if (phone != null) {
            alike.add(Criteria.where("entries.phone").is(phone));
        }
        String nameKey = Contact.nameKeyOf(firstName, lastName);
        if (!nameKey.isBlank()) {
            alike.add(Criteria.where("nameKeys").is(nameKey));
        }
        List<PossibleDuplicates.Candidate> candidates = new ArrayList<>();
        if (alike.isEmpty()) {
            return candidates;
        }
        Query query = new Query(new Criteria().andOperator(Criteria.where("mergedInto").is(null),
                Criteria.where("links").in(visibility.scopes()), new Criteria().orOperator(alike))).limit(50);
        for (Contact other : mongo.find(query, Contact.class)) {
            PersonView seen = other.viewFor(visibility);
            if (seen.scopes().isEmpty() || seen.anonymised() || seen.id().equals(excludedId)) {
                continue;
            }
            List<String> matchedOn = new ArrayList<>();
            if (email != null && (email.equals(seen.email()) || seen.otherEmails().contains(email))) {
                matchedOn.add("email");
            }
            if (phone != null && seen.entries().stream().anyMatch(entry -> phone.equals(entry.phone()))) {
                matchedOn.add("phone");
            }
            if (!nameKey.isBlank() && seen.entries().stream().anyMatch(entry ->
                    nameKey.equals(Contact.nameKeyOf(entry.firstName(), entry.lastName())))) {
                matchedOn.add("name");
            }
            if (!matchedOn.isEmpty()) {
                candidates.add(new PossibleDuplicates.Candidate(seen.id(), seen.firstName(), seen.lastName(),
                        seen.organisationName(), seen.email(), seen.phone(), matchedOn));
            }
        }
        return candidates;
    }

    /**
     * Staff change what the sources they see say of the person (the entries of their scopes, or a new entry of
     * their city). A new address becomes the person's key only if nobody else holds it; otherwise it stays in the
     * caller's entry, and no answer tells of the other person.
     */
    public PersonView edit(CityUser user, String id, ContactDetails details) {
        Visibility visibility = visibility(user);
        Contact changed = change(user, id, "edited", contact -> {
            Set<String> scopes = new TreeSet<>();
            contact.viewFor(visibility).entries().forEach(entry -> scopes.add(entry.scope()));
            if (scopes.isEmpty()) {
                scopes.add(Scopes.city(user.primaryCity()));
            }
            contact.edit(details, scopes, "staff", Instant.now());
            String address = Contact.normalise(details.email());
            if (address != null && !address.equals(contact.email()) && !contact.otherEmails().contains(address)
                    && byEmail(address).isEmpty()) {
                String previous = contact.email();
                contact.takeAddress(address);
                if (previous != null) {
                    addresses.point(previous, contact.id());
                }
            }
            return Map.of("scopes", List.copyOf(scopes));
        });
        return changed.viewFor(visibility);
    }

    /** A consent staff record is their city's: its scope is the caller's city. */
    public PersonView giveConsent(CityUser user, String id, ConsentPurpose purpose, LegalBasis legalBasis, ConsentSource source,
            String text, String textVersion) {
        Visibility visibility = visibility(user);
        return change(user, id, "consent-given", contact -> {
            Consent consent = contact.giveConsent(UUID.randomUUID().toString(), purpose, legalBasis, source, text,
                    textVersion, user.displayName(), Scopes.city(user.primaryCity()), Instant.now());
            return Map.of("consentId", consent.id(), "purpose", purpose.name(), "legalBasis", legalBasis.name(),
                    "source", source.name(), "textVersion", String.valueOf(consent.textVersion()));
        }).viewFor(visibility);
    }

    /** Only a consent the caller sees can be withdrawn by them; another city's answers 404. */
    public PersonView withdrawConsent(CityUser user, String id, String consentId) {
        Visibility visibility = visibility(user);
        return change(user, id, "consent-withdrawn", contact -> {
            if (contact.viewFor(visibility).consents().stream().noneMatch(consent -> consent.id().equals(consentId))) {
                throw new NotFoundException("Consent " + consentId);
            }
            Consent consent = contact.withdrawConsent(consentId, user.displayName(), Instant.now());
            return Map.of("consentId", consentId, "purpose", consent.purpose().name());
        }).viewFor(visibility);
    }

    /** Staff set a person's role in a project their city takes part in. */
    public PersonView assignRole(CityUser user, String id, String projectId, String role, String organisation) {
        Visibility visibility = visibility(user);
        requireOwnProjects(user, Set.of(projectId));
        return change(user, id, "role-set", contact -> {
            contact.assignRole(projectId, role, organisation, ProjectRole.Source.STAFF, Instant.now());
            return Map.of("projectId", projectId, "role", role);
        }).viewFor(visibility);
    }

    public PersonView removeRole(CityUser user, String id, String projectId) {
        Visibility visibility = visibility(user);
        requireOwnProjects(user, Set.of(projectId));
        return change(user, id, "role-removed", contact -> {
            if (!contact.removeRole(projectId, ProjectRole.Source.STAFF, Instant.now())) {
                throw new NotFoundException("Role in project " + projectId);
            }
            return Map.of("projectId", projectId);
        }).viewFor(visibility);
    }

    /**
     * Merges a duplicate into the person: their histories, consents, roles and links are united, the
     * duplicate becomes a pointer to the person, and both audit trails say so. Written in an order that loses
     * nothing if it stops half-way (the survivor first; running it again completes it).
     */
    public PersonView merge(CityUser user, String id, String duplicateId) {
        Visibility visibility = visibility(user);
        Contact survivor = get(user, id);
        ContactsAccess.requireMayWrite(user);
        Contact duplicate = contacts.findById(duplicateId).orElse(null);
        if (duplicate != null && duplicate.mergedInto() != null && duplicate.mergedInto().equals(survivor.id())) {
            return survivor.viewFor(visibility); // merged already: the same request again changes nothing
        }
        if (duplicate == null || !visibility.seesPerson(duplicate)) {
            throw new NotFoundException("Contact " + duplicateId);
        }
        survivor.absorb(duplicate);
        for (String address : survivor.otherEmails()) {
            addresses.point(address, survivor.id()); // before the save: a crash after it leaves nothing unfound
        }
        survivor.recordChanged(citiesOf(survivor));
        survivor = contacts.save(survivor);
        history.move(duplicate.id(), survivor.id());
        duplicate.mergedInto(survivor.id());
        contacts.save(duplicate);
        if (survivor.adoptOtherEmail()) {
            survivor = contacts.save(survivor);
        }
        audit.record(survivor.id(), user, "merged", Map.of("duplicateId", duplicateId));
        audit.record(duplicateId, user, "merged-into", Map.of("survivorId", survivor.id()));
        history.load(List.of(survivor));
        return survivor.viewFor(visibility);
    }

    /**
     * The lines of the audit trail the caller may see: what staff of the caller's cities did, and what the system
     * did for a project or registration the caller sees.
     */
    public Page<ContactAudit.Entry> auditTrail(CityUser user, String id, Pageable pageable) {
        Contact contact = get(user, id);
        ContactsAccess.requireMayAudit(user);
        Visibility visibility = visibility(user);
        PersonView view = contact.viewFor(visibility);
        Set<String> registrations = new HashSet<>();
        view.participations().forEach(line -> registrations.add(line.registrationId()));
        return audit.of(contact.id(), pageable, entry -> audit.visible(entry, user, visibility, registrations));
    }

    private Contact change(CityUser user, String id, String action, Function<Contact, Map<String, Object>> edit) {
        Contact contact = get(user, id);
        ContactsAccess.requireMayWrite(user);
        Map<String, Object> details = edit.apply(contact);
        contact.recordChanged(citiesOf(contact));
        Contact saved = contacts.save(contact);
        audit.record(saved.id(), user, action, details);
        return saved;
    }

    /**
     * A registration names a person: the contact with that e-mail is found, or created, and the registration goes
     * into their participation history. Retried on concurrent changes of the same person.
     */
    public Contact registrationChanged(RegistrationChanged registration, Instant at) {
        Map<String, ParticipationLine> lines = new LinkedHashMap<>();
        Contact saved = participated(registration, at, lines, projects::citiesOf, null);
        history.write(lines.values());
        saved.participationsWritten();
        return saved;
    }

    /**
     * The registrations of one poll, in their order, each as {@link #registrationChanged}, written in bulk: the people
     * the poll makes are made in memory (a second registration of the same new address goes to the same person) and
     * inserted together, with their word index entries and audit lines; known people are saved one by one (each save
     * is guarded by the person's version); the history lines are written together (the latest line of each
     * registration). A stop in between is mended by the poll's redelivery: the people are found again
     * and each line replaces its own. The cities of each project are read once per poll, and so are the people the
     * addresses name (two reads for the poll: their own addresses, then the merged ones among the rest); a person
     * changed meanwhile by anyone else fails its save on the version and is read again, and a new person made by
     * someone else meanwhile fails the insert: the poll's new people are then applied one by one, read first.
     */
    public void registrationsChanged(List<RegistrationChanged> registrations, List<Instant> times) {
        Map<String, ParticipationLine> lines = new LinkedHashMap<>();
        Map<String, Set<String>> cities = new HashMap<>();
        Function<String, Set<String>> citiesOf = projectId -> projectId == null ? projects.citiesOf(null)
                : cities.computeIfAbsent(projectId, projects::citiesOf);
        Set<String> emails = new HashSet<>();
        registrations.forEach(registration -> {
            String email = emailOf(registration);
            if (email != null) {
                emails.add(email);
            }
        });
        Map<String, Contact> people = byEmails(emails);
        NewPeople made = new NewPeople();
        for (int i = 0; i < registrations.size(); i++) {
            RegistrationChanged registration = registrations.get(i);
            String email = emailOf(registration);
            if (email != null && (made.people.containsKey(email) || people.containsKey(email) && people.get(email) == null)) {
                made.participated(email, registration, times.get(i), organisationOf(registration), citiesOf);
            } else {
                participated(registration, times.get(i), lines, citiesOf, people);
            }
        }
        insert(made, lines, citiesOf);
        history.write(lines.values());
    }

    /** The people a poll makes, by address, and the registrations applied to each, in their order. */
    private static final class NewPeople {

        final Map<String, Contact> people = new LinkedHashMap<>();
        /** The id of each new person and the registration that made them, for their audit line. */
        final Map<String, String> madeBy = new LinkedHashMap<>();
        final List<RegistrationChanged> registrations = new ArrayList<>();
        final List<Instant> times = new ArrayList<>();

        void participated(String email, RegistrationChanged registration, Instant at, String organisationId,
                Function<String, Set<String>> citiesOf) {
            boolean created = !people.containsKey(email);
            Contact contact = people.computeIfAbsent(email, address -> Contact.named(UUID.randomUUID().toString(), address, at));
            boolean linksChanged = contact.participated(registration, organisationId, at);
            if (created || linksChanged) {
                contact.recordChanged(citiesOf.apply(registration.projectId()));
            }
            if (created) {
                madeBy.put(contact.id(), registration.registrationId());
            }
            registrations.add(registration);
            times.add(at);
        }
    }

    /**
     * Inserts the poll's new people in one write and their audit lines in another. When the insert fails on an
     * address someone else took meanwhile, the people it wrote before failing get their audit lines and every new
     * person's registrations are applied again one by one, each person read first (found, or made alone).
     */
    private void insert(NewPeople made, Map<String, ParticipationLine> lines, Function<String, Set<String>> citiesOf) {
        if (made.people.isEmpty()) {
            return;
        }
        try {
            // all new: one insert of them all, their word index entries in one write right after it (a known person's
            // entries are written at their save: deferred to the poll's end, an erasure meanwhile could be undone)
            Runnable insert = () -> words.together(() -> contacts.saveAll(made.people.values()));
            if (keys == null) {
                insert.run();
            } else {
                // their keys (a new person's events are sealed with the key of their record) in one write too
                keys.withKeysMade(made.people.values().stream().map(contact -> PersonalData.contactKey(contact.id())).toList(),
                        insert);
            }
        } catch (DuplicateKeyException takenMeanwhile) {
            Set<String> written = new HashSet<>();
            contacts.findAllById(made.madeBy.keySet()).forEach(contact -> written.add(contact.id()));
            audit.recordCreated(made.madeBy.entrySet().stream().filter(person -> written.contains(person.getKey())).toList());
            if (keys != null) {
                // the keys made for the records the insert did not write open nothing: not kept
                keys.shred(made.madeBy.keySet().stream().filter(id -> !written.contains(id)).map(PersonalData::contactKey).toList());
            }
            for (int i = 0; i < made.registrations.size(); i++) {
                participated(made.registrations.get(i), made.times.get(i), lines, citiesOf, null);
            }
            return;
        }
        made.people.values().forEach(contact -> contact.newParticipations().forEach(line -> lines.put(line.registrationId(), line)));
        audit.recordCreated(List.copyOf(made.madeBy.entrySet()));
    }

    /** {@link #byEmail} for many addresses at once: the person holding each, by address, or null when nobody does. */
    private Map<String, Contact> byEmails(Collection<String> emails) {
        Map<String, Contact> people = new HashMap<>();
        if (emails.isEmpty()) {
            return people;
        }
        contacts.findByEmailIn(emails).forEach(contact -> people.put(contact.email(), contact));
        List<String> others = emails.stream().filter(email -> !people.containsKey(email)).toList();
        Map<String, String> holders = others.isEmpty() ? Map.of() : addresses.holdersOf(others);
        for (String email : others) {
            String holderId = holders.get(email);
            people.put(email, holderId == null ? null : contacts.findById(holderId)
                    .filter(contact -> contact.otherEmails().contains(email))
                    .map(contact -> find(contact.id())).orElse(null));
        }
        return people;
    }

    /**
     * The person of one registration, saved; the history line it makes is put into {@code lines}, to be written after.
     * {@code people}: the people of the poll by address as read before (null for nobody); a person saved here leaves it,
     * so a later registration of theirs reads them again. Null: read the person now. A retry after a concurrent change
     * always reads the person again.
     */
    private Contact participated(RegistrationChanged registration, Instant at, Map<String, ParticipationLine> lines,
            Function<String, Set<String>> citiesOf, Map<String, Contact> people) {
        String email = emailOf(registration);
        if (email == null) {
            throw new IllegalArgumentException("Registration " + registration.registrationId() + " names no e-mail");
        }
        String organisationId = organisationOf(registration);
        boolean[] readBefore = {people != null};
        return retried(() -> {
            Contact contact = readBefore[0] && people.containsKey(email) ? people.get(email) : byEmail(email).orElse(null);
            readBefore[0] = false;
            boolean created = contact == null;
            if (created) {
                contact = Contact.named(UUID.randomUUID().toString(), email, at);
            }
            boolean linksChanged = contact.participated(registration, organisationId, at);
            if (created || linksChanged) {
                contact.recordChanged(citiesOf.apply(registration.projectId()));
            }
            Contact saved = contacts.save(contact);
            contact.newParticipations().forEach(line -> lines.put(line.registrationId(), line));
            if (people != null) {
                // a later registration of the poll for this person reads them again (the relay may have taken their
                // pending events from the stored record meanwhile), under whichever address it names
                people.remove(email);
                people.values().removeIf(person -> person != null && person.id().equals(saved.id()));
            }
            if (created) {
                audit.recordSystem(saved.id(), "registrations", "created", Map.of("registrationId", registration.registrationId()));
            }
            return saved;
        });
    }

    /**
     * The project's contact persons as projects-service lists them: each is matched by e-mail or created, and
     * holds that role in the project; people the list no longer names lose the role it gave them (staff-set
     * roles stay). An event without a list (an older producer) changes nothing.
     */
    public void projectContactsChanged(ProjectChanged project, Instant at) {
        if (project.contacts() == null) {
            return;
        }
        Set<String> named = new HashSet<>();
        for (ProjectChanged.ProjectContact person : project.contacts()) {
            String email = Contact.normalise(person.email());
            if (email == null || person.role() == null || person.role().isBlank()) {
                continue; // no way to match them again later: left to staff
            }
            Contact saved = retried(() -> {
                Contact contact = byEmail(email).orElse(null);
                boolean created = contact == null;
                if (created) {
                    contact = Contact.named(UUID.randomUUID().toString(), email, at);
                }
                if (contact.anonymisedAt() != null) {
                    return contact;
                }
                // the project's list supplies its own entry: the person's other sources stay unseen by its cities
                boolean supplied = contact.supply(Contact.entryOf(project.projectId(), person, at));
                boolean changed = contact.assignRole(project.projectId(), person.role(), person.organisation(),
                        ProjectRole.Source.PROJECT, at) || supplied;
                if (!created && !changed) {
                    return contact;
                }
                contact.recordChanged(project.participatingCities());
                Contact stored = contacts.save(contact);
                audit.recordSystem(stored.id(), "projects", created ? "created" : "role-set",
                        Map.of("projectId", project.projectId(), "role", person.role()));
                return stored;
            });
            named.add(saved.id());
        }
        Query holders = new Query(Criteria.where("roles").elemMatch(Criteria.where("projectId").is(project.projectId())
                .and("source").is(ProjectRole.Source.PROJECT.name())));
        for (Contact holder : mongo.find(holders, Contact.class)) {
            if (!named.contains(holder.id())) {
                retried(() -> {
                    Contact current = contacts.findById(holder.id()).orElseThrow();
                    if (current.removeRole(project.projectId(), ProjectRole.Source.PROJECT, at)) {
                        current.recordChanged(project.participatingCities());
                        contacts.save(current);
                        audit.recordSystem(current.id(), "projects", "role-removed", Map.of("projectId", project.projectId()));
                    }
                    return current;
                });
            }
        }
    }

    /**
     * Stores a person {@link Contact#erase erased} by the GDPR use case, guarded by the version: a change at the
     * same moment fails it ({@link org.springframework.dao.OptimisticLockingFailureException}) and it starts again.
     */
    public Contact storeErased(Contact contact) {
        if (contact.anonymisedAt() == null) {
            throw new IllegalArgumentException("Contact " + contact.id() + " is not erased");
        }
        return contacts.save(contact);
    }

    /** Saves a person with a fixed id once (demo data); later runs leave them as they are. */
    public Optional<Contact> enterOnce(Contact contact) {
        if (contacts.existsById(contact.id()) || (contact.email() != null && byEmail(contact.email()).isPresent())) {
            return Optional.empty();
        }
        contact.recordChanged(citiesOf(contact));
        try {
            Contact saved = contacts.insert(contact);
            audit.recordSystem(saved.id(), "demo data", "created", Map.of());
            return Optional.of(saved);
        } catch (DuplicateKeyException enteredConcurrently) {
            return Optional.empty();
        }
    }

    /** The person with this address as their own (unique index), or as one merged into them. */
    private Optional<Contact> byEmail(String email) {
        Optional<Contact> own = contacts.findByEmail(email);
        if (own.isPresent()) {
            return own;
        }
        return addresses.holderOf(email).flatMap(contacts::findById)
                .filter(contact -> contact.otherEmails().contains(email))
                .map(contact -> find(contact.id()));
    }

    /** Links are to projects the caller's city takes part in: nobody shares a person into others' projects. */
    private void requireOwnProjects(CityUser user, Set<String> projectIds) {
        if (projectIds == null || projectIds.isEmpty()) {
            throw new DomainRuleViolation("no-projects", "Link the person to at least one project");
        }
        for (String projectId : projectIds) {
            if (!user.sharesCityWith(projects.citiesOf(projectId))) {
                throw new NotFoundException("Project " + projectId);
            }
        }
    }

    /** The registrant's address as people are matched on it; null when the registration names none. */
    private static String emailOf(RegistrationChanged registration) {
        return Contact.normalise(registration.participant() == null ? null : registration.participant().email());
    }

    /** The organisation the registration's business ID names, found or made; null without a valid business ID. */
    private String organisationOf(RegistrationChanged registration) {
        String businessId = registration.participant().businessId();
        // the person works for the company the registration names: found (or made) by its business ID
        return businessId == null || !BusinessId.isValid(businessId) ? null
                : organisations.withBusinessId(businessId, registration.participant().organisationName(),
                        registration.projectId()).id();
    }

    private static <T> T retried(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (DuplicateKeyException | OptimisticLockingFailureException concurrentChange) {
                if (attempt == ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }
}
