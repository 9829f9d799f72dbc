package fi.ecosystem.projects.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A work package with its deliverables (its number is in the address); a deliverable without a status is planned. */
public record WorkPackageRequest(@NotNull @Valid ProjectRequest.Text title, @Size(max = 200) String responsiblePartner,
        @Valid ProjectRequest.LongText description, @Size(max = 100) List<@Valid Deliverable> deliverables) {

    public record Deliverable(@NotBlank @Size(max = 300) String title, LocalDate dueDate, DeliverableStatus status) {
    }
}
