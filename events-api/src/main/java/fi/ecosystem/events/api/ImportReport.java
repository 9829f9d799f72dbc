package fi.ecosystem.events.api;

import java.util.List;

/** What a CSV import did: the totals and a row each ({@code outcome}: created, existing or rejected). */
public record ImportReport(int rows, int created, int existing, int rejected, int confirmed, int waitlisted,
        List<ImportedRow> report) {

    public record ImportedRow(int line, String outcome, String registrationId, RegistrationStatus status,
            List<FieldError> errors) {
    }

    /** What is wrong with one field of a row, as a code the pages translate. */
    public record FieldError(String field, String code, String message) {
    }
}
