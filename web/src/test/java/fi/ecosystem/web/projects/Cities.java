package fi.ecosystem.web.projects;

/** The cities projects-service answers (a part of its list), as every page test stubs them. */
public final class Cities {

    public static final String JSON = """
            [{"alias": "helsinki", "name": {"fi": "Helsinki", "sv": "Helsingfors", "en": "Helsinki"}},
             {"alias": "espoo", "name": {"fi": "Espoo", "sv": "Esbo", "en": "Espoo"}},
             {"alias": "vantaa", "name": {"fi": "Vantaa", "sv": "Vanda", "en": "Vantaa"}},
             {"alias": "hyvinkaa", "name": {"fi": "Hyvinkää", "sv": "Hyvinge", "en": "Hyvinkää"}},
             {"alias": "kerava", "name": {"fi": "Kerava", "sv": "Kervo", "en": "Kerava"}},
             {"alias": "uusimaa", "name": {"fi": "Uudenmaan liitto", "sv": "Nylands förbund", "en": "Helsinki-Uusimaa Regional Council"}}]
            """;

    private Cities() {
    }
}
