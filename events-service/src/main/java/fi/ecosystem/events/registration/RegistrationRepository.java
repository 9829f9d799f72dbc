package fi.ecosystem.events.registration;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface RegistrationRepository extends MongoRepository<Registration, String> {

    Optional<Registration> findByEventIdAndEmail(String eventId, String email);

    Optional<Registration> findByPrivateToken(String privateToken);

    Page<Registration> findByEventId(String eventId, Pageable pageable);

    long countByEventIdAndStatus(String eventId, RegistrationStatus status);

    long countByEventIdAndStatusIn(String eventId, Collection<RegistrationStatus> statuses);

    /** A cursor over the event's registrations: exports read them as they write. */
    java.util.stream.Stream<Registration> streamByEventId(String eventId, org.springframework.data.domain.Sort sort);

    /**
     * How many of the event's waitlisted stand before the given waiting number: those with a lower number and those
     * who joined before numbers were handed out (without one).
     */
    @org.springframework.data.mongodb.repository.Query(value = "{ 'eventId': ?0, 'status': 'WAITLISTED', "
            + "'$or': [ { 'waitingNumber': null }, { 'waitingNumber': { '$lt': ?1 } } ] }", count = true)
    long countAhead(String eventId, long waitingNumber);

    /** The event's waitlisted with a waiting number from {@code lowest} to {@code highest}, by number: their numbers only. */
    @org.springframework.data.mongodb.repository.Query(value = "{ 'eventId': ?0, 'status': 'WAITLISTED', "
            + "'waitingNumber': { '$gte': ?1, '$lte': ?2 } }", fields = "{ '_id': 0, 'waitingNumber': 1 }",
            sort = "{ 'waitingNumber': 1 }")
    java.util.List<Registration> waitingNumbersBetween(String eventId, long lowest, long highest);

    /** How many of the event's waitlisted without a number (they joined before numbers) joined before the given time. */
    @org.springframework.data.mongodb.repository.Query(value = "{ 'eventId': ?0, 'status': 'WAITLISTED', 'waitingNumber': null, "
            + "'createdAt': { '$lt': ?1 } }", count = true)
    long countAheadWithoutNumber(String eventId, java.time.Instant createdAt);
}
