package fi.ecosystem.projects.api;

/** What a project is about; the pages translate the names ({@code theme.*}). */
public enum Theme {
    URBAN_CLEANTECH, HUMAN_HEALTH_TECH, DIGITALISING_INDUSTRY, WELFARE_CITY, SMART_CITIZEN,
    MANUFACTURING, DATA_CENTRES, FOOD_PRODUCTION, LOGISTICS, ONLINE_AND_WHOLESALE_TRADE,
    ICT, WELLBEING, TOURISM, ENVIRONMENTAL_BUSINESS, DESIGN
}
