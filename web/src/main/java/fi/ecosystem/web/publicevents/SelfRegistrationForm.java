package fi.ecosystem.web.publicevents;

import fi.ecosystem.web.events.PersonForm;

/** The public registration form: the person, their answers, and a honeypot. */
public class SelfRegistrationForm extends PersonForm {

    /** Invisible to people; a bot that fills it in is answered as usual and nothing is stored. */
    private String website;

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
