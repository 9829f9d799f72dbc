package fi.ecosystem.projects.project.web;

import fi.ecosystem.platform.web.Spreadsheet;
import fi.ecosystem.platform.web.Spreadsheet.Column;
import fi.ecosystem.projects.project.Project;
import java.util.List;

/** The columns of a project list download. */
final class ProjectExport {

    private ProjectExport() {
    }

    static Spreadsheet<Project> in(String language) {
        return new Spreadsheet<>("Projects", List.of(
                new Column<>("id", Project::id),
                new Column<>("acronym", Project::acronym),
                new Column<>("name", project -> project.name() == null ? "" : project.name().in(language)),
                new Column<>("status", project -> project.status().name()),
                new Column<>("startDate", project -> project.startDate() == null ? "" : project.startDate().toString()),
                new Column<>("endDate", project -> project.endDate() == null ? "" : project.endDate().toString()),
                new Column<>("leadCity", Project::leadCity),
                new Column<>("participatingCities", project -> String.join(", ", project.participatingCities().stream().sorted().toList())),
                new Column<>("totalBudgetEur", Project::totalBudgetEur),
                new Column<>("funders", project -> String.join(", ", project.funding().stream().map(f -> f.funder()).toList())),
                new Column<>("themes", project -> String.join(", ", project.themes().stream().map(Enum::name).sorted().toList())),
                new Column<>("participantsReached", Project::participantsReached),
                new Column<>("eventsHeld", Project::eventsHeld)));
    }
}
