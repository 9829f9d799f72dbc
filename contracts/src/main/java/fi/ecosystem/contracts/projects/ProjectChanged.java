package fi.ecosystem.contracts.projects;

import fi.ecosystem.contracts.LocalizedText;
import java.util.List;

/**
 * A project was created or changed (name, status or the cities taking part). Carries the whole
 * access-relevant state so that consumers keep their read model by simply replacing it.
 * Topic {@code projects}, key = project id.
 *
 * @param change what happened: {@code created}, {@code changed} or {@code status-changed}
 */
public record ProjectChanged(
        String change,
        String projectId,
        LocalizedText name,
        String acronym,
        String status,
        String leadCity,
        List<String> participatingCities,
        String continuedBy) {

    public static final String TYPE = "project.changed";
    public static final String CREATED = "created";
    public static final String CHANGED = "changed";
    public static final String STATUS_CHANGED = "status-changed";
    public static final int VERSION = 1;
}
