package fi.ecosystem.contacts.api;

import java.util.List;

/** A person who may be the same as another, as the caller sees them, and on what they match (email, phone, name). */
public record DuplicateCandidate(String id, String firstName, String lastName, String organisationName, String email,
        String phone, List<String> matchedOn) {

    public DuplicateCandidate {
        matchedOn = matchedOn == null ? List.of() : matchedOn;
    }
}
