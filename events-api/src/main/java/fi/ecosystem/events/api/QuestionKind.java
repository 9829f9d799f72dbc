package fi.ecosystem.events.api;

/** A free text, one of the options, or a consent checkbox that links a policy text. */
public enum QuestionKind {
    TEXT, CHOICE, CONSENT
}
