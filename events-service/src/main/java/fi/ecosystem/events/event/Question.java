package fi.ecosystem.events.event;

import fi.ecosystem.contracts.LocalizedText;
import java.util.List;

/**
 * What an event asks its registrants. A {@link Kind#CONSENT} question is a checkbox that links a policy
 * text by URL and version; a ticked one becomes a consent record (purpose, version, time) of the person.
 */
public record Question(String id, Kind kind, LocalizedText label, boolean required, List<Choice> options,
        String policyUrl, String policyVersion, String consentPurpose) {

    public enum Kind {
        TEXT, CHOICE, CONSENT
    }

    /** One option of a choice question. */
    public record Choice(String id, LocalizedText label) {
    }

    /** Longest accepted text answer. */
    public static final int MAX_TEXT = 2000;

    public List<Choice> options() {
        return options == null ? List.of() : options;
    }
}
