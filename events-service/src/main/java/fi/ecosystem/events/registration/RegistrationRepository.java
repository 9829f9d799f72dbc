package fi.ecosystem.events.registration;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface RegistrationRepository extends MongoRepository<Registration, String> {

    Optional<Registration> findByEventIdAndEmail(String eventId, String email);

    Page<Registration> findByEventId(String eventId, Pageable pageable);
}
