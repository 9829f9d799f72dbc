package fi.ecosystem.contacts.api;

/** What kind of organisation it is; the pages translate the names ({@code organisationType.*}). */
public enum OrganisationType {
    MUNICIPALITY, REGIONAL_COUNCIL, DEVELOPMENT_COMPANY, COMPANY, UNIVERSITY, RESEARCH_INSTITUTE, NETWORK
}
