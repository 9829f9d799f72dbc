package fi.ecosystem.web.projects;

import fi.ecosystem.web.support.Formats;
import fi.ecosystem.projects.api.City;
import fi.ecosystem.projects.api.ProjectsApi;
import fi.ecosystem.web.support.ServiceProblem;
import fi.ecosystem.web.support.ServiceUnavailable;
import java.text.Collator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Cities by name in the page's language ("Helsinki", "Helsingfors"), never by their alias. The list comes from
 * projects-service ({@code /api/projects/cities}) and is kept a while: a city joins rarely. When the service does
 * not answer, an alias stands for its name until it does.
 */
@Component("cities")
public class CityNames {

    static final Duration KEPT = Duration.ofMinutes(10);

    private final ProjectsApi projects;
    private final Formats formats = new Formats();
    private final Clock clock;
    private volatile Map<String, City> byAlias = Map.of();
    private volatile Instant fetchedAt = Instant.EPOCH;

    @Autowired
    CityNames(ProjectsApi projects) {
        this(projects, Clock.systemUTC());
    }

    CityNames(ProjectsApi projects, Clock clock) {
        this.projects = projects;
        this.clock = clock;
    }

    /** The city's name in the page's language; the alias itself for a city the list does not know. */
    public String name(Object alias) {
        if (alias == null) {
            return "";
        }
        City city = known().get(String.valueOf(alias));
        return city == null ? String.valueOf(alias) : formats.text(city.name());
    }

    /** The names joined with commas, in the page's alphabetical order. */
    public String names(Object aliases) {
        if (!(aliases instanceof Collection<?> list)) {
            return "";
        }
        return list.stream().map(this::name).sorted(collator()).collect(Collectors.joining(", "));
    }

    /** Every city as alias → name, in the page's alphabetical order (for choosing in a form). */
    public Map<String, String> choices() {
        Map<String, String> choices = new LinkedHashMap<>();
        known().keySet().stream().sorted(Comparator.comparing(this::name, collator()))
                .forEach(alias -> choices.put(alias, name(alias)));
        return choices;
    }

    private static Comparator<Object> collator() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag(LocaleContextHolder.getLocale().getLanguage()));
        return (a, b) -> collator.compare(String.valueOf(a), String.valueOf(b));
    }

    private Map<String, City> known() {
        Instant now = clock.instant();
        if (byAlias.isEmpty() || fetchedAt.plus(KEPT).isBefore(now)) {
            try {
                Map<String, City> fetched = new LinkedHashMap<>();
                for (City city : java.util.Objects.requireNonNullElse(projects.cities(), List.<City>of())) {
                    if (city.alias() != null) {
                        fetched.put(city.alias(), city);
                    }
                }
                byAlias = fetched;
                fetchedAt = now;
            } catch (ServiceUnavailable | ServiceProblem notNow) {
                // names wait for the service; aliases stand in meanwhile
            }
        }
        return byAlias;
    }

    List<String> aliases() {
        return List.copyOf(known().keySet());
    }
}
