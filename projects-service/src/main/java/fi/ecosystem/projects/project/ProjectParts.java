package fi.ecosystem.projects.project;

import fi.ecosystem.contracts.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The value objects a project is made of. */
public final class ProjectParts {

    private ProjectParts() {
    }

    /**
     * @param city the organization alias when the partner is a participating city (null for companies, councils…)
     */
    public record Partner(String organisation, String city, PartnerRole role) {
    }

    /** A funding decision: who funds, from which programme, how many euros (null when not known). */
    public record Funding(String funder, String programme, Long amountEur) {
    }

    /** A person to contact about the project and their role in it (project manager, project secretary…). */
    public record ProjectContact(String name, String role, String organisation, String email) {

        /** As other services read it: the name split at its last space into first and last name. */
        public fi.ecosystem.contracts.projects.ProjectChanged.ProjectContact toContract() {
            String full = name == null ? "" : name.trim();
            int space = full.lastIndexOf(' ');
            return new fi.ecosystem.contracts.projects.ProjectChanged.ProjectContact(
                    space < 0 ? null : full.substring(0, space).trim(), space < 0 ? full : full.substring(space + 1),
                    email, role, organisation);
        }
    }

    public record Publication(String title, String url) {
    }

    public enum DeliverableStatus {
        PLANNED, IN_PROGRESS, DONE, LATE
    }

    public record Deliverable(String title, LocalDate dueDate, DeliverableStatus status) {
    }

    /** A work package with the partner responsible for it (seed 004: WP1–WP5). */
    public record WorkPackage(int number, LocalizedText title, String responsiblePartner, LocalizedText description,
            List<Deliverable> deliverables) {

        public WorkPackage {
            deliverables = deliverables == null ? List.of() : List.copyOf(deliverables);
        }
    }

    /** Where an indicator's actual value comes from. */
    public enum IndicatorFeed {
        /** reported by staff, period by period */
        REPORTED,
        /** counted live from the registrations topic: confirmed participants */
        PARTICIPANTS_REACHED,
        /** counted live from the events topic: events published */
        EVENTS_HELD
    }

    /** One reported value: the indicator's cumulative actual at the end of the period. */
    public record IndicatorValue(String period, long value, String reportedBy, Instant reportedAt) {
    }

    public record Indicator(String code, LocalizedText name, String unit, long target, long baseline,
            IndicatorFeed feed, List<IndicatorValue> history) {

        public Indicator {
            history = history == null ? List.of() : List.copyOf(history);
            feed = feed == null ? IndicatorFeed.REPORTED : feed;
        }

        /** The latest reported value, or the baseline before any report. */
        public long reportedActual() {
            return history.isEmpty() ? baseline : history.get(history.size() - 1).value();
        }
    }
}
