package fi.ecosystem.contacts.organisation;

public enum OrganisationType {
    MUNICIPALITY, REGIONAL_COUNCIL, DEVELOPMENT_COMPANY, COMPANY, UNIVERSITY, RESEARCH_INSTITUTE, NETWORK
}
