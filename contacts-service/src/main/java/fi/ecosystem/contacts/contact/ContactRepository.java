package fi.ecosystem.contacts.contact;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ContactRepository extends MongoRepository<Contact, String> {

    Optional<Contact> findByEmail(String email);

    /** The people whose own address is one of these (the unique index on the address answers it). */
    List<Contact> findByEmailIn(Collection<String> emails);

}
