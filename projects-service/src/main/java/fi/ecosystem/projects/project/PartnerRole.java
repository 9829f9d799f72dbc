package fi.ecosystem.projects.project;

/** How an organisation takes part: the lead implementer (coordinator), co-implementers, network partners, funders. */
public enum PartnerRole {
    LEAD, CO_IMPLEMENTER, NETWORK_PARTNER, FUNDER
}
