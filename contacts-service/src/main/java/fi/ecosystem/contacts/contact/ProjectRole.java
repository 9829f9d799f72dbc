package fi.ecosystem.contacts.contact;

import java.time.Instant;

/**
 * A person's role in a project (project manager, project secretary, business expert…).
 *
 * @param source {@code PROJECT} when it comes from the project's own contact list (projects-service keeps it),
 *               {@code STAFF} when staff set it here
 */
public record ProjectRole(String projectId, String role, String organisation, Source source, Instant since) {

    public enum Source {
        PROJECT, STAFF
    }
}
