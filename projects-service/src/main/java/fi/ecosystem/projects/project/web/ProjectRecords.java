package fi.ecosystem.projects.project.web;

import fi.ecosystem.projects.api.AuditEntry;
import fi.ecosystem.projects.api.DeliverableStatus;
import fi.ecosystem.projects.api.IndicatorFeed;
import fi.ecosystem.projects.api.PartnerRole;
import fi.ecosystem.projects.api.ProjectRequest;
import fi.ecosystem.projects.api.ProjectResponse;
import fi.ecosystem.projects.api.ProjectStatus;
import fi.ecosystem.projects.api.ProjectSummary;
import fi.ecosystem.projects.api.Theme;
import fi.ecosystem.projects.api.WorkPackageRequest;
import fi.ecosystem.projects.project.Project;
import fi.ecosystem.projects.project.ProjectAudit;
import fi.ecosystem.projects.project.ProjectDetails;
import fi.ecosystem.projects.project.ProjectParts;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A project as the API's records say it (projects-api) and back: the domain keeps its own types, the wire has the
 * records the web UI's client reads. Enums map by name, so a value added on one side only fails the build's tests.
 */
final class ProjectRecords {

    private ProjectRecords() {
    }

    static ProjectResponse response(Project project) {
        return new ProjectResponse(project.id(), project.acronym(), project.name(), project.description(),
                status(project.status()), project.startDate(), project.endDate(), project.leadCity(),
                project.participatingCities(), project.totalBudgetEur(),
                project.funding().stream().map(f -> new ProjectResponse.Funding(f.funder(), f.programme(), f.amountEur())).toList(),
                project.partners().stream().map(p -> new ProjectResponse.Partner(p.organisation(), p.city(),
                        p.role() == null ? null : PartnerRole.valueOf(p.role().name()))).toList(),
                themes(project.themes()),
                project.contacts().stream().map(c -> new ProjectResponse.Contact(c.name(), c.role(), c.organisation(), c.email())).toList(),
                project.publications().stream().map(p -> new ProjectResponse.Publication(p.title(), p.url())).toList(),
                project.workPackages().stream().map(ProjectRecords::workPackage).toList(),
                project.indicators().stream().map(indicator -> new ProjectResponse.Indicator(indicator.code(), indicator.name(),
                        indicator.unit(), indicator.target(), indicator.baseline(), project.actualOf(indicator),
                        feed(indicator.feed()), indicator.history().stream().map(value -> new ProjectResponse.IndicatorValue(
                                value.period(), value.value(), value.reportedBy(), value.reportedAt())).toList())).toList(),
                project.continues(), project.continuedBy(), project.participantsReached(), project.eventsHeld(),
                project.createdAt(), project.updatedAt(), project.statusChanges().stream().map(ProjectRecords::status)
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    static ProjectSummary summary(Project project, boolean withIndicators) {
        return new ProjectSummary(project.id(), project.acronym(), project.name(), status(project.status()), project.startDate(),
                project.endDate(), project.leadCity(), project.participatingCities(), themes(project.themes()),
                project.totalBudgetEur(), project.continues(), project.continuedBy(), project.participantsReached(),
                project.eventsHeld(), project.updatedAt(), withIndicators ? project.indicators().stream()
                        .map(indicator -> new ProjectSummary.IndicatorProgress(indicator.code(), indicator.name(), indicator.unit(),
                                indicator.target(), indicator.baseline(), project.actualOf(indicator), feed(indicator.feed())))
                        .toList() : null);
    }

    static AuditEntry audit(ProjectAudit.Entry entry) {
        return new AuditEntry(entry.id(), entry.projectId(), entry.at(), entry.actor(), entry.actorName(), entry.action(),
                entry.changes() == null ? List.of() : entry.changes().stream()
                        .map(change -> new AuditEntry.Change(change.field(), change.before(), change.after())).toList());
    }

    static ProjectDetails details(ProjectRequest request) {
        return new ProjectDetails(request.acronym(), request.name().localized(),
                request.description() == null ? null : request.description().localized(), request.startDate(),
                request.endDate(), request.leadCity(), request.participatingCities(),
                request.totalBudgetEur() == null ? 0 : request.totalBudgetEur(),
                request.funding() == null ? null : request.funding().stream()
                        .map(f -> new ProjectParts.Funding(f.funder(), f.programme(), f.amountEur())).toList(),
                request.partners() == null ? null : request.partners().stream().map(p -> new ProjectParts.Partner(
                        p.organisation(), p.city(), fi.ecosystem.projects.project.PartnerRole.valueOf(p.role().name()))).toList(),
                request.themes() == null ? null : request.themes().stream()
                        .map(theme -> fi.ecosystem.projects.project.Theme.valueOf(theme.name()))
                        .collect(Collectors.toCollection(LinkedHashSet::new)),
                request.contacts() == null ? null : request.contacts().stream()
                        .map(c -> new ProjectParts.ProjectContact(c.name(), c.role(), c.organisation(), c.email())).toList(),
                request.publications() == null ? null : request.publications().stream()
                        .map(p -> new ProjectParts.Publication(p.title(), p.url())).toList());
    }

    static ProjectParts.WorkPackage workPackage(WorkPackageRequest request, int number) {
        return new ProjectParts.WorkPackage(number, request.title().localized(), request.responsiblePartner(),
                request.description() == null ? null : request.description().localized(),
                request.deliverables() == null ? null : request.deliverables().stream().map(d -> new ProjectParts.Deliverable(
                        d.title(), d.dueDate(), d.status() == null ? ProjectParts.DeliverableStatus.PLANNED
                                : ProjectParts.DeliverableStatus.valueOf(d.status().name()))).toList());
    }

    static fi.ecosystem.projects.project.ProjectStatus status(ProjectStatus status) {
        return status == null ? null : fi.ecosystem.projects.project.ProjectStatus.valueOf(status.name());
    }

    static ProjectParts.IndicatorFeed feed(IndicatorFeed feed) {
        return feed == null ? ProjectParts.IndicatorFeed.REPORTED : ProjectParts.IndicatorFeed.valueOf(feed.name());
    }

    private static ProjectStatus status(fi.ecosystem.projects.project.ProjectStatus status) {
        return status == null ? null : ProjectStatus.valueOf(status.name());
    }

    private static IndicatorFeed feed(ProjectParts.IndicatorFeed feed) {
        return feed == null ? null : IndicatorFeed.valueOf(feed.name());
    }

    private static Set<Theme> themes(Set<fi.ecosystem.projects.project.Theme> themes) {
        return themes.stream().map(theme -> Theme.valueOf(theme.name())).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static ProjectResponse.WorkPackage workPackage(ProjectParts.WorkPackage workPackage) {
        return new ProjectResponse.WorkPackage(workPackage.number(), workPackage.title(), workPackage.responsiblePartner(),
                workPackage.description(), workPackage.deliverables().stream().map(d -> new ProjectResponse.Deliverable(
                        d.title(), d.dueDate(), d.status() == null ? null : DeliverableStatus.valueOf(d.status().name()))).toList());
    }
}
