package fi.ecosystem.contacts.contact;

import fi.ecosystem.contacts.access.ContactsAccess;
import fi.ecosystem.contracts.Topics;
import fi.ecosystem.contracts.contacts.ContactChanged;
import fi.ecosystem.contracts.projects.ProjectChanged;
import fi.ecosystem.contracts.registrations.RegistrationChanged;
import fi.ecosystem.platform.messaging.Outbox;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import fi.ecosystem.platform.security.AccessRule;
import fi.ecosystem.platform.security.CityUser;
import fi.ecosystem.platform.web.DomainRuleViolation;
import fi.ecosystem.platform.web.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
    /** Fields of a list row: no consents, audit or index fields (participations stay for older integrators). */
    static final String[] SUMMARY_FIELDS = {"email", "firstName", "lastName", "title", "organisationName",
        "organisationId", "phone", "language", "projectIds", "roles", "participations", "anonymisedAt", "createdAt",
        "updatedAt", "lastActivityAt"};

    private final ContactRepository contacts;
    private final MongoTemplate mongo;
    private final ProjectAccessDirectory projects;
    private final Outbox outbox;
    private final ContactAudit audit;
    private final ContactWords words;
    private final MergedAddresses addresses;

    ContactService(ContactRepository contacts, MongoTemplate mongo, ProjectAccessDirectory projects, Outbox outbox,
            ContactAudit audit, ContactWords words, MergedAddresses addresses) {
        this.contacts = contacts;
        this.mongo = mongo;
        this.projects = projects;
        this.outbox = outbox;
        this.audit = audit;
        this.words = words;
        this.addresses = addresses;
    }

    public Page<Contact> list(CityUser user, Pageable pageable) {
        return search(user, ContactFilter.NONE, pageable);
    }

    /**
     * A page of people the caller's cities see, each with its summary fields only. Searches in name order go
     * through the word index (see {@link ContactWords}); a lookup by e-mail through the unique index on e-mail; the
     * rest (other orders, e-mail with other filters) is one query.
     */
    public Page<Contact> search(CityUser user, ContactFilter filter, Pageable pageable) {
        if (byEmailOnly(filter)) {
            List<Contact> found = emailSearch(user, filter);
            return new PageImpl<>(pageable.getOffset() > 0 ? List.of() : found, pageable, found.size());
        }
        if (byWordIndex(filter, pageable.getSort())) {
            List<ContactWordEntries.Entry> found = wordSearch(user, filter, pageable.getSort());
            int from = (int) Math.min(pageable.getOffset(), found.size());
            int to = Math.min(from + pageable.getPageSize(), found.size());
            return new PageImpl<>(byIds(found.subList(from, to)), pageable, found.size());
        }
        Query query = query(user, filter);
        long total = mongo.count(query, Contact.class);
        Query page = query.with(pageable);
        page.fields().include(SUMMARY_FIELDS);
        return new PageImpl<>(mongo.find(page, Contact.class), pageable, total);
    }

    public List<Contact> export(CityUser user, ContactFilter filter, Sort sort) {
        if (byEmailOnly(filter)) {
            return emailSearch(user, filter);
        }
        if (byWordIndex(filter, sort)) {
            List<ContactWordEntries.Entry> found = wordSearch(user, filter, sort);
            List<Contact> rows = new ArrayList<>();
            for (int from = 0; from < Math.min(found.size(), EXPORT_LIMIT); from += 500) {
                rows.addAll(byIds(found.subList(from, Math.min(Math.min(found.size(), EXPORT_LIMIT), from + 500))));
            }
            return rows;
        }
        Query query = query(user, filter).with(sort).limit(EXPORT_LIMIT);
        query.fields().include(SUMMARY_FIELDS);
        return mongo.find(query, Contact.class);
    }

    /** An integrator's lookup by address: the unique index on e-mail answers it on every store. */
    private static boolean byEmailOnly(ContactFilter filter) {
        return !blank(filter.email()) && SearchWords.words(filter.q()).isEmpty()
                && SearchWords.words(filter.organisation()).isEmpty() && blank(filter.role()) && blank(filter.organisationId());
    }

    private List<Contact> emailSearch(CityUser user, ContactFilter filter) {
        AccessRule.requireMayRead(user, AREA);
        Contact found = byEmail(Contact.normalise(filter.email())).orElse(null);
        if (found == null || found.mergedInto() != null || !user.sharesCityWith(citiesOf(found))
                || (!blank(filter.projectId()) && !found.projectIds().contains(filter.projectId()))
                || (!blank(filter.city()) && !citiesOf(found).contains(filter.city()))) {
            return List.of();
        }
        return List.of(found);
    }

    /** Every filter but e-mail is known to the word index, which keeps people in name order. */
    private static boolean byWordIndex(ContactFilter filter, Sort sort) {
        Sort.Order first = sort.stream().findFirst().orElse(null);
        return blank(filter.email()) && (first == null || first.getProperty().equals("sortName"));
    }

    private List<ContactWordEntries.Entry> wordSearch(CityUser user, ContactFilter filter, Sort sort) {
        AccessRule.requireMayRead(user, AREA);
        Set<String> visible = new HashSet<>(projects.projectsOf(user.cities()));
        Set<String> ofCity = blank(filter.city()) ? null : new HashSet<>(projects.projectsOf(Set.of(filter.city())));
        Set<String> toRead = new HashSet<>(visible);
        if (!blank(filter.projectId())) {
            toRead.retainAll(Set.of(filter.projectId()));
        }
        if (ofCity != null) {
            toRead.retainAll(ofCity);
        }
        boolean descending = sort.stream().findFirst().map(Sort.Order::isDescending).orElse(false);
        return words.find(new ContactWords.Search(SearchWords.words(filter.q()), SearchWords.words(filter.organisation()),
                blank(filter.role()) ? null : filter.role(), blank(filter.organisationId()) ? null : filter.organisationId().trim(),
                toRead, linked -> linked.stream().anyMatch(visible::contains)
                        && (ofCity == null || linked.stream().anyMatch(ofCity::contains))
                        && (blank(filter.projectId()) || linked.contains(filter.projectId())),
                descending));
    }

    /** The people of these index entries in the same order, read by id (summary fields). */
    private List<Contact> byIds(List<ContactWordEntries.Entry> entries) {
        Query query = new Query(Criteria.where("_id").in(entries.stream().map(ContactWordEntries.Entry::contactId).toList()));
        query.fields().include(SUMMARY_FIELDS);
        Map<String, Contact> read = new java.util.HashMap<>();
        mongo.find(query, Contact.class).forEach(contact -> read.put(contact.id(), contact));
        return entries.stream().map(entry -> read.get(entry.contactId())).filter(java.util.Objects::nonNull).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private Query query(CityUser user, ContactFilter filter) {
        AccessRule.requireMayRead(user, AREA);
        List<String> visible = projects.projectsOf(user.cities());
        List<String> ofCity = filter.city() == null || filter.city().isBlank() ? null : projects.projectsOf(Set.of(filter.city()));
        return filter.toQuery(visible, ofCity);
    }

    /** One person; a merged id leads to the person it was merged into. */
    public Contact get(CityUser user, String id) {
        Contact contact = find(id);
        AccessRule.requireVisible(user, AREA, contact == null ? Set.of() : citiesOf(contact), "Contact " + id);
        return contact;
    }

    private Contact find(String id) {
        Contact contact = contacts.findById(id).orElse(null);
        for (int hops = 0; contact != null && contact.mergedInto() != null && hops < 10; hops++) {
            contact = contacts.findById(contact.mergedInto()).orElse(null);
        }
        return contact;
    }

    Set<String> citiesOf(Contact contact) {
        return citiesOf(contact.projectIds());
    }

    private Set<String> citiesOf(Collection<String> projectIds) {
        Set<String> cities = new HashSet<>();
        projectIds.forEach(projectId -> cities.addAll(projects.citiesOf(projectId)));
        return cities;
    }

    /**
     * Manual entry. Someone with the same e-mail, phone or name among the people the caller sees is a
     * possible duplicate: answered with the candidates unless {@code allowDuplicate}; the same e-mail is
     * refused always (addresses are unique).
     */
    public Contact create(CityUser user, ContactDetails details, Set<String> projectIds, boolean allowDuplicate) {
        ContactsAccess.requireMayWrite(user);
        requireOwnProjects(user, projectIds);
        Contact contact = Contact.enter(UUID.randomUUID().toString(), details, projectIds, Instant.now());
        checkDuplicates(user, contact, allowDuplicate);
        contact.record(changedEvent(contact));
        Contact saved = contacts.insert(contact);
        outbox.saved();
        audit.record(saved.id(), user, "created", Map.of("projectIds", List.copyOf(projectIds),
                "allowedDuplicate", allowDuplicate));
        return saved;
    }

    private void checkDuplicates(CityUser user, Contact entered, boolean allowDuplicate) {
        List<Criteria> alike = new ArrayList<>();
        if (entered.email() != null) {
            alike.add(Criteria.where("email").is(entered.email()));
            alike.add(Criteria.where("otherEmails").is(entered.email()));
        }
        if (entered.phone() != null) {
            alike.add(Criteria.where("phone").is(entered.phone()));
        }
        String nameKey = Contact.nameKeyOf(entered.firstName(), entered.lastName());
        if (!nameKey.isBlank()) {
            alike.add(Criteria.where("nameKey").is(nameKey));
        }
        Query query = new Query(new Criteria().andOperator(Criteria.where("mergedInto").is(null),
                new Criteria().orOperator(alike))).limit(20);
        List<PossibleDuplicates.Candidate> candidates = new ArrayList<>();
        boolean sameEmail = false;
        for (Contact other : mongo.find(query, Contact.class)) {
            boolean emailMatch = entered.email() != null
                    && (entered.email().equals(other.email()) || other.otherEmails().contains(entered.email()));
            boolean visible = user.sharesCityWith(citiesOf(other));
            if (!visible) {
                if (emailMatch) {
                    // the address is taken by someone this city does not see: say so, without saying who
                    throw new DomainRuleViolation("email-in-use", "The e-mail address belongs to a person of other projects; "
                            + "ask a city of those projects to link them to yours");
                }
                continue;
            }
            List<String> matchedOn = new ArrayList<>();
            if (emailMatch) {
                matchedOn.add("email");
                sameEmail = true;
            }
            if (entered.phone() != null && entered.phone().equals(other.phone())) {
                matchedOn.add("phone");
            }
            if (!nameKey.isBlank() && nameKey.equals(Contact.nameKeyOf(other.firstName(), other.lastName()))) {
                matchedOn.add("name");
            }
            candidates.add(new PossibleDuplicates.Candidate(other.id(), other.firstName(), other.lastName(),
                    other.organisationName(), other.email(), other.phone(), matchedOn));
        }
        if (sameEmail || (!candidates.isEmpty() && !allowDuplicate)) {
            throw new PossibleDuplicates(candidates, sameEmail);
        }
    }

    public Contact edit(CityUser user, String id, ContactDetails details) {
        return change(user, id, "edited", contact -> {
            contact.edit(details, Instant.now());
            return Map.of();
        });
    }

    public Contact giveConsent(CityUser user, String id, ConsentPurpose purpose, LegalBasis legalBasis, ConsentSource source,
            String text, String textVersion) {
        return change(user, id, "consent-given", contact -> {
            Consent consent = contact.giveConsent(UUID.randomUUID().toString(), purpose, legalBasis, source, text,
                    textVersion, user.displayName(), Instant.now());
            return Map.of("consentId", consent.id(), "purpose", purpose.name(), "legalBasis", legalBasis.name(),
                    "source", source.name(), "textVersion", String.valueOf(consent.textVersion()));
        });
    }

    public Contact withdrawConsent(CityUser user, String id, String consentId) {
        return change(user, id, "consent-withdrawn", contact -> {
            Consent consent = contact.withdrawConsent(consentId, user.displayName(), Instant.now());
            return Map.of("consentId", consentId, "purpose", consent.purpose().name());
        });
    }

    /** Staff set a person's role in a project their city takes part in. */
    public Contact assignRole(CityUser user, String id, String projectId, String role, String organisation) {
        requireOwnProjects(user, Set.of(projectId));
        return change(user, id, "role-set", contact -> {
            contact.assignRole(projectId, role, organisation, ProjectRole.Source.STAFF, Instant.now());
            return Map.of("projectId", projectId, "role", role);
        });
    }

    public Contact removeRole(CityUser user, String id, String projectId) {
        return change(user, id, "role-removed", contact -> {
            if (!contact.removeRole(projectId, ProjectRole.Source.STAFF, Instant.now())) {
                throw new NotFoundException("Role in project " + projectId);
            }
            return Map.of("projectId", projectId);
        });
    }

    /**
     * Merges a duplicate into the person: their histories, consents, roles and links are united, the
     * duplicate becomes a pointer to the person, and both audit trails say so. Written in an order that loses
     * nothing if it stops half-way (the survivor first; running it again completes it).
     */
    public Contact merge(CityUser user, String id, String duplicateId) {
        Contact survivor = get(user, id);
        ContactsAccess.requireWritable(user, citiesOf(survivor), "Contact " + id);
        Contact duplicate = contacts.findById(duplicateId).orElse(null);
        AccessRule.requireVisible(user, AREA, duplicate == null ? Set.of() : citiesOf(duplicate), "Contact " + duplicateId);
        if (duplicate.mergedInto() != null && duplicate.mergedInto().equals(survivor.id())) {
            return survivor; // merged already: the same request again changes nothing
        }
        survivor.absorb(duplicate);
        for (String address : survivor.otherEmails()) {
            addresses.point(address, survivor.id()); // before the save: a crash after it leaves nothing unfound
        }
        survivor.record(changedEvent(survivor));
        survivor = contacts.save(survivor);
        duplicate.mergedInto(survivor.id());
        contacts.save(duplicate);
        if (survivor.adoptOtherEmail()) {
            survivor = contacts.save(survivor);
        }
        outbox.saved();
        audit.record(survivor.id(), user, "merged", Map.of("duplicateId", duplicateId));
        audit.record(duplicateId, user, "merged-into", Map.of("survivorId", survivor.id()));
        return survivor;
    }

    public Page<ContactAudit.Entry> auditTrail(CityUser user, String id, Pageable pageable) {
        Contact contact = find(id);
        ContactsAccess.requireMayAudit(user, contact == null ? Set.of() : citiesOf(contact), "Contact " + id);
        return audit.of(contact.id(), pageable);
    }

    private Contact change(CityUser user, String id, String action, Function<Contact, Map<String, Object>> edit) {
        Contact contact = get(user, id);
        ContactsAccess.requireWritable(user, citiesOf(contact), "Contact " + id);
        Map<String, Object> details = edit.apply(contact);
        contact.record(changedEvent(contact));
        Contact saved = contacts.save(contact);
        outbox.saved();
        audit.record(saved.id(), user, action, details);
        return saved;
    }

    /**
     * A registration names a person: the contact with that e-mail is found, or created, and the
     * registration goes into their participation history. Retried on concurrent changes of the same person.
     */
    public Contact registrationChanged(RegistrationChanged registration, Instant at) {
        String email = Contact.normalise(registration.participant() == null ? null : registration.participant().email());
        if (email == null) {
            throw new IllegalArgumentException("Registration " + registration.registrationId() + " names no e-mail");
        }
        return retried(() -> {
            Contact contact = byEmail(email).orElse(null);
            boolean created = contact == null;
            if (created) {
                contact = Contact.fromRegistration(UUID.randomUUID().toString(), registration.participant(), at);
            }
            boolean linksChanged = contact.participated(registration, at);
            if (created || linksChanged) {
                contact.record(outbox.event(Topics.CONTACTS, contact.id(), ContactChanged.TYPE,
                        ContactChanged.VERSION, projects.citiesOf(registration.projectId()), contact.changed()));
            }
            Contact saved = contacts.save(contact);
            outbox.saved();
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
                    contact = Contact.fromProject(UUID.randomUUID().toString(), person, at);
                }
                if (contact.anonymisedAt() != null) {
                    return contact;
                }
                boolean changed = contact.assignRole(project.projectId(), person.role(), person.organisation(),
                        ProjectRole.Source.PROJECT, at);
                if (!created && !changed) {
                    return contact;
                }
                contact.record(outbox.event(Topics.CONTACTS, contact.id(), ContactChanged.TYPE, ContactChanged.VERSION,
                        project.participatingCities(), contact.changed()));
                Contact stored = contacts.save(contact);
                outbox.saved();
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
                        current.record(outbox.event(Topics.CONTACTS, current.id(), ContactChanged.TYPE,
                                ContactChanged.VERSION, project.participatingCities(), current.changed()));
                        contacts.save(current);
                        outbox.saved();
                        audit.recordSystem(current.id(), "projects", "role-removed", Map.of("projectId", project.projectId()));
                    }
                    return current;
                });
            }
        }
    }

    /** Saves a person with a fixed id once (demo data); later runs leave them as they are. */
    public Optional<Contact> enterOnce(Contact contact) {
        if (contacts.existsById(contact.id()) || (contact.email() != null && byEmail(contact.email()).isPresent())) {
            return Optional.empty();
        }
        contact.record(changedEvent(contact));
        try {
            Contact saved = contacts.insert(contact);
            outbox.saved();
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

    private fi.ecosystem.platform.messaging.OutboxEvent changedEvent(Contact contact) {
        return outbox.event(Topics.CONTACTS, contact.id(), ContactChanged.TYPE, ContactChanged.VERSION,
                citiesOf(contact), contact.changed());
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
