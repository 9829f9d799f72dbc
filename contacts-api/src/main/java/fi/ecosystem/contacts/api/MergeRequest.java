package fi.ecosystem.contacts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The duplicate to merge into a person; it becomes part of that person. */
public record MergeRequest(@NotBlank @Size(max = 100) String duplicateId) {
}
