package fi.ecosystem.projects.project.web;

import fi.ecosystem.platform.web.Spreadsheet;
import fi.ecosystem.platform.web.Spreadsheet.Column;
import fi.ecosystem.projects.project.Project;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The columns of a project list download, for people: headers, statuses and themes in the chosen language
 * (fi, sv or en; texts in {@code i18n/project-export*.properties}), cities by their names.
 */
final class ProjectExport {

    private static final ResourceBundleMessageSource TEXTS = new ResourceBundleMessageSource();

    static {
        TEXTS.setBasename("i18n/project-export");
        TEXTS.setDefaultEncoding("UTF-8");
        TEXTS.setFallbackToSystemLocale(false);
    }

    private final Locale locale;
    private final String language;
    private final Function<String, String> cityName;

    private ProjectExport(String language, ProjectCities cities) {
        this.language = language == null ? "fi" : language;
        this.locale = Locale.forLanguageTag(this.language);
        Map<String, String> names = cities.all().stream()
                .collect(Collectors.toMap(fi.ecosystem.projects.api.City::alias, city -> city.name().in(this.language)));
        this.cityName = alias -> names.getOrDefault(alias, alias);
    }

    static Spreadsheet<Project> in(String language, ProjectCities cities) {
        return new ProjectExport(language, cities).sheet();
    }

    private Spreadsheet<Project> sheet() {
        return new Spreadsheet<>(text("sheet"), List.of(
                new Column<>(text("column.id"), Project::id),
                new Column<>(text("column.acronym"), Project::acronym),
                new Column<>(text("column.name"), project -> project.name() == null ? "" : project.name().in(language)),
                new Column<>(text("column.status"), project -> text("status." + project.status().name())),
                new Column<>(text("column.startDate"), project -> project.startDate() == null ? "" : project.startDate().toString()),
                new Column<>(text("column.endDate"), project -> project.endDate() == null ? "" : project.endDate().toString()),
                new Column<>(text("column.leadCity"), project -> cityName.apply(project.leadCity())),
                new Column<>(text("column.participatingCities"), project -> project.participatingCities().stream()
                        .map(cityName).sorted().collect(Collectors.joining(", "))),
                new Column<>(text("column.totalBudgetEur"), Project::totalBudgetEur),
                new Column<>(text("column.funders"), project -> project.funding().stream().map(funding -> funding.funder())
                        .collect(Collectors.joining(", "))),
                new Column<>(text("column.themes"), project -> project.themes().stream()
                        .map(theme -> text("theme." + theme.name())).sorted().collect(Collectors.joining(", "))),
                new Column<>(text("column.participantsReached"), Project::participantsReached),
                new Column<>(text("column.eventsHeld"), Project::eventsHeld)));
    }

    private String text(String key) {
        return TEXTS.getMessage(key, null, locale);
    }
}
