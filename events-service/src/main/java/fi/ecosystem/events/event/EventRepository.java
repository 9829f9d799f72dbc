package fi.ecosystem.events.event;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface EventRepository extends MongoRepository<Event, String> {

    Page<Event> findByProjectIdIn(Collection<String> projectIds, Pageable pageable);

    Page<Event> findByProjectIdInAndStartsAtGreaterThanEqualAndStatusIn(Collection<String> projectIds, Instant from,
            Collection<EventStatus> statuses, Pageable pageable);

    Page<Event> findByStatus(EventStatus status, Pageable pageable);

    List<Event> findBySessionsStartsAtBetweenAndStatus(Instant from, Instant to, EventStatus status);
}
