package fi.ecosystem.projects.api;

/** How an organisation takes part: the lead implementer, co-implementers, network partners, funders. */
public enum PartnerRole {
    LEAD, CO_IMPLEMENTER, NETWORK_PARTNER, FUNDER
}
