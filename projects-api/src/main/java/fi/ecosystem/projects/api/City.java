package fi.ecosystem.projects.api;

import fi.ecosystem.contracts.LocalizedText;

/** A city that can take part in projects: requests name it by its alias (the Keycloak organization), forms by its name. */
public record City(String alias, LocalizedText name) {
}
