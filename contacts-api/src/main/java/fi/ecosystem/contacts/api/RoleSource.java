package fi.ecosystem.contacts.api;

/** Where a person's role in a project comes from: the project's own contact list, or staff who set it here. */
public enum RoleSource {
    PROJECT, STAFF
}
