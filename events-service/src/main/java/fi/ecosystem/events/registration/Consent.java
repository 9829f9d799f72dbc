package fi.ecosystem.events.registration;

import java.time.Instant;

/** A consent the participant gave by answering a consent question of the event: to what, under which policy, when. */
public record Consent(String purpose, String policyVersion, String policyUrl, Instant givenAt) {
}
