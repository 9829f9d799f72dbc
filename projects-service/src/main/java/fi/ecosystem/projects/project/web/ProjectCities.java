package fi.ecosystem.projects.project.web;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.projects.api.City;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cities that can take part in projects, with their names: forms offer the names, requests and the
 * access rule use the aliases (the Keycloak organizations). A city joining adds a line to the configuration.
 *
 * @param cities alias and its name in Finnish, Swedish and English (a missing one falls back to Finnish)
 */
@ConfigurationProperties("ecosystem.projects")
record ProjectCities(List<Entry> cities) {

    ProjectCities {
        cities = cities == null ? List.of() : List.copyOf(cities);
    }

    record Entry(String alias, String fi, String sv, String en) {
    }

    List<City> all() {
        return cities.stream().map(city -> new City(city.alias(), new LocalizedText(city.fi(),
                city.sv() == null ? city.fi() : city.sv(), city.en() == null ? city.fi() : city.en()))).toList();
    }
}
