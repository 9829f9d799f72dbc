package fi.ecosystem.contacts.contact;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ContactRepository extends MongoRepository<Contact, String> {

    Optional<Contact> findByEmail(String email);

    Page<Contact> findByProjectIdsIn(Collection<String> projectIds, Pageable pageable);
}
