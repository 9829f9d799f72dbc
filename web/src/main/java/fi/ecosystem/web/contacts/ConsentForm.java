package fi.ecosystem.web.contacts;

import fi.ecosystem.contacts.api.ConsentPurpose;
import fi.ecosystem.contacts.api.ConsentRequest;
import fi.ecosystem.contacts.api.ConsentSource;
import fi.ecosystem.contacts.api.LegalBasis;
import fi.ecosystem.web.support.Texts;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Staff record a consent they heard or saw: its purpose, the lawful basis, where it was given and which text. */
public class ConsentForm {

    /** The choices in the order the form offers them (the usual first). */
    static final List<ConsentPurpose> PURPOSES = List.of(ConsentPurpose.values());
    static final List<LegalBasis> LEGAL_BASES = List.of(LegalBasis.values());
    static final List<ConsentSource> SOURCES = List.of(ConsentSource.STAFF, ConsentSource.FORM, ConsentSource.IMPORT);

    @NotNull
    private ConsentPurpose purpose;
    @NotNull
    private LegalBasis legalBasis = LegalBasis.CONSENT;
    @NotNull
    private ConsentSource source = ConsentSource.STAFF;
    @Size(max = 100)
    private String textVersion;
    @Size(max = 5000)
    private String text;

    ConsentRequest toRequest() {
        return new ConsentRequest(purpose, legalBasis, source, Texts.trimmed(text), Texts.trimmed(textVersion));
    }

    public ConsentPurpose getPurpose() { return purpose; }
    public void setPurpose(ConsentPurpose purpose) { this.purpose = purpose; }
    public LegalBasis getLegalBasis() { return legalBasis; }
    public void setLegalBasis(LegalBasis legalBasis) { this.legalBasis = legalBasis; }
    public ConsentSource getSource() { return source; }
    public void setSource(ConsentSource source) { this.source = source; }
    public String getTextVersion() { return textVersion; }
    public void setTextVersion(String textVersion) { this.textVersion = textVersion; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
