package fi.ecosystem.contracts.projects;

import fi.ecosystem.contracts.LocalizedText;
import java.util.List;

/**
 * A project was created or changed (name, status or the cities taking part). Carries the whole
 * access-relevant state so that consumers keep their read model by simply replacing it.
 * Topic {@code projects}, key = project id.
 *
 * @param change   what happened: {@code created}, {@code changed} or {@code status-changed}
 * @param contacts the project's contact persons with their roles; null in events of producers that do not
 *                 send them yet (consumers then leave the roles they know as they are), empty when the project
 *                 has none
 */
public record ProjectChanged(
        String change,
        String projectId,
        LocalizedText name,
        String acronym,
        String status,
        String leadCity,
        List<String> participatingCities,
        String continuedBy,
        List<ProjectContact> contacts) {

    public static final String TYPE = "project.changed";
    public static final String CREATED = "created";
    public static final String CHANGED = "changed";
    public static final String STATUS_CHANGED = "status-changed";
    public static final int VERSION = 1;

    public ProjectChanged {
        contacts = contacts == null ? null : List.copyOf(contacts);
    }

    /** An event without contact persons (as before they were added): consumers leave roles alone. */
    public ProjectChanged(String change, String projectId, LocalizedText name, String acronym, String status,
            String leadCity, List<String> participatingCities, String continuedBy) {
        this(change, projectId, name, acronym, status, leadCity, participatingCities, continuedBy, null);
    }

    /**
     * A person to contact about the project and their role in it ({@code PROJECT_MANAGER},
     * {@code PROJECT_SECRETARY}…); contacts-service matches them by e-mail or creates them.
     */
    public record ProjectContact(String firstName, String lastName, String email, String role, String organisation) {
    }
}
