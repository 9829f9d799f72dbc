package fi.ecosystem.projects.project;

/**
 * What a project is about: the five themes of the Helsinki Region smart specialisation strategy (seed 002)
 * and the industries the documents name (seeds 000 and 003).
 */
public enum Theme {
    URBAN_CLEANTECH, HUMAN_HEALTH_TECH, DIGITALISING_INDUSTRY, WELFARE_CITY, SMART_CITIZEN,
    MANUFACTURING, DATA_CENTRES, FOOD_PRODUCTION, LOGISTICS, ONLINE_AND_WHOLESALE_TRADE,
    ICT, WELLBEING, TOURISM, ENVIRONMENTAL_BUSINESS, DESIGN
}
