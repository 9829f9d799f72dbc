package fi.ecosystem.contacts.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A consent staff record: its purpose, the lawful basis, where it was given and the text or its version. */
public record ConsentRequest(
        @NotNull ConsentPurpose purpose,
        @NotNull LegalBasis legalBasis,
        @NotNull ConsentSource source,
        @Size(max = 5000) String text,
        @Size(max = 100) String textVersion) {

    @AssertTrue(message = "give the consent text or its version")
    boolean isTextVersion() {
        return (text != null && !text.isBlank()) || (textVersion != null && !textVersion.isBlank());
    }
}
