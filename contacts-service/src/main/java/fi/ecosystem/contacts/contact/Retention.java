package fi.ecosystem.contacts.contact;

import fi.ecosystem.contracts.PersonalData;
import fi.ecosystem.contracts.EmailHash;
import fi.ecosystem.platform.privacy.PersonalDataKeys;
import fi.ecosystem.platform.projectaccess.ProjectAccessDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The retention rule: people with no activity (entry, edit, participation, role, consent) for the configured
 * period are anonymised, and every service hears it ({@code contact.erased}) to anonymise its own copies.
 * People with a consent in force are kept: they asked to hear from us.
 *
 * <p>Runs once across replicas: a pass needs the lease in {@code contact_leases}, held for most of the
 * interval. Each person is anonymised with a version-guarded write, so even two passes at once (a lease
 * taken over from a stalled replica) anonymise, audit and announce each person exactly once.
 */
@Component
public class Retention {

    static final String LEASES = "contact_leases";
    static final String LEASE = "retention";
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final MongoTemplate mongo;
    private final ContactRepository contacts;
    private final ProjectAccessDirectory projects;
    private final ContactAudit audit;
    private final PersonalDataKeys keys;
    private final EmailHash emailHash;
    private final MergedAddresses addresses;
    private final Duration inactiveAfter;
    private final Duration interval;
    private final boolean enabled;
    private final String owner = UUID.randomUUID().toString();

    Retention(MongoTemplate mongo, ContactRepository contacts, ProjectAccessDirectory projects,
            ContactAudit audit, PersonalDataKeys keys, EmailHash emailHash, MergedAddresses addresses,
            @Value("${ecosystem.contacts.retention.inactive-after}") Duration inactiveAfter,
            @Value("${ecosystem.contacts.retention.interval}") Duration interval,
            @Value("${ecosystem.contacts.retention.enabled}") boolean enabled) {
        this.mongo = mongo;
        this.contacts = contacts;
        this.projects = projects;
        this.audit = audit;
        this.keys = keys;
        this.emailHash = emailHash;
        this.addresses = addresses;
        this.inactiveAfter = inactiveAfter;
        this.interval = interval;
        this.enabled = enabled;
    }

    @Scheduled(initialDelayString = "${ecosystem.contacts.retention.initial-delay}",
            fixedDelayString = "${ecosystem.contacts.retention.interval}")
    void scheduled() {
        if (enabled) {
            try {
                int anonymised = run(Instant.now());
                if (anonymised > 0) {
                    log.info("Retention: {} inactive people anonymised", anonymised);
                }
            } catch (RuntimeException e) {
                log.warn("Retention pass failed, tried again at the next interval: {}", e.getMessage());
            }
        }
    }

    /** One pass if this replica gets the lease; returns how many people it anonymised. */
    public int run(Instant now) {
        if (!acquireLease(now)) {
            return 0;
        }
        Instant cutoff = now.minus(inactiveAfter);
        Query inactive = new Query(Criteria.where("lastActivityAt").lt(Date.from(cutoff)).and("anonymisedAt").is(null)
                .and("mergedInto").is(null)).with(Sort.by("_id"));
        inactive.fields().include("_id");
        int anonymised = 0;
        for (Document candidate : mongo.find(inactive, Document.class, "contacts")) {
            if (anonymise(candidate.getString("_id"), cutoff, now)) {
                anonymised++;
            }
        }
        return anonymised;
    }

    private boolean anonymise(String id, Instant cutoff, Instant now) {
        Contact contact = contacts.findById(id).orElse(null);
        if (contact == null || contact.anonymisedAt() != null || contact.mergedInto() != null
                || contact.lastActivityAt() == null || !contact.lastActivityAt().isBefore(cutoff) || contact.hasActiveConsent()) {
            return false;
        }
        Set<String> cities = new HashSet<>();
        contact.projectIds().forEach(projectId -> cities.addAll(projects.citiesOf(projectId)));
        java.util.List<String> addressesHeld = new java.util.ArrayList<>(contact.otherEmails());
        addressesHeld.add(contact.email());
        contact.erase(now, emailHash, cities);
        try {
            contacts.save(contact); // guarded by the version: a concurrent pass or change wins, this one skips
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            return false;
        }
        // as an erasure does: what Kafka still retains about the person can no longer be read
        keys.shred(PersonalData.everyKeyOf(id, addressesHeld, emailHash));
        addresses.forget(addressesHeld);
        audit.recordOnce("retention:" + id, id, "retention", "anonymised",
                Map.of("inactiveSince", contact.lastActivityAt().toString(), "inactiveAfter", inactiveAfter.toString()), now);
        return true;
    }

    /** Free when the last holder's time is up; held for most of an interval so one replica runs each pass. */
    private boolean acquireLease(Instant now) {
        Query free = new Query(Criteria.where("_id").is(LEASE).and("until").lt(Date.from(now)));
        Update take = new Update().set("owner", owner).set("until", Date.from(now.plus(interval.multipliedBy(9).dividedBy(10))));
        try {
            Document lease = mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class, LEASES);
            return lease != null && owner.equals(lease.getString("owner"));
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }
}
