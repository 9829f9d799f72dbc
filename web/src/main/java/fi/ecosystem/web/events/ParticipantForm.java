package fi.ecosystem.web.events;

import jakarta.validation.constraints.Pattern;

/** An organiser registers a participant, in the participant's language, answering the questions on their behalf. */
public class ParticipantForm extends PersonForm {

    @Pattern(regexp = "fi|sv|en")
    private String language = "fi";

    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
