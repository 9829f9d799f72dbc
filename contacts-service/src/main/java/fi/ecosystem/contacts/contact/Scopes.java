package fi.ecosystem.contacts.contact;

/** The scopes facts about people carry: a project id, or {@code city:<alias>} for what a city itself supplied. */
public final class Scopes {

    static final String CITY = "city:";

    private Scopes() {
    }

    public static String city(String alias) {
        return CITY + alias;
    }

    public static boolean isCity(String scope) {
        return scope != null && scope.startsWith(CITY);
    }

    public static String cityOf(String scope) {
        return isCity(scope) ? scope.substring(CITY.length()) : null;
    }
}
