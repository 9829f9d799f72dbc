package fi.ecosystem.contacts.contact;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ContactRepository extends MongoRepository<Contact, String> {

    Optional<Contact> findByEmail(String email);

}
