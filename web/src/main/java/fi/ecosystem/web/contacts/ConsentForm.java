package fi.ecosystem.web.contacts;

import fi.ecosystem.web.support.Texts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Staff record a consent they heard or saw: its purpose, the lawful basis, where it was given and which text. */
public class ConsentForm {

    static final List<String> PURPOSES = List.of("NEWSLETTER", "EVENT_COMMUNICATION", "RESEARCH");
    static final List<String> LEGAL_BASES = List.of("CONSENT", "CONTRACT", "LEGAL_OBLIGATION", "PUBLIC_TASK", "LEGITIMATE_INTEREST");
    static final List<String> SOURCES = List.of("STAFF", "FORM", "IMPORT");

    @NotBlank
    @Pattern(regexp = "NEWSLETTER|EVENT_COMMUNICATION|RESEARCH")
    private String purpose;
    @NotBlank
    @Pattern(regexp = "CONSENT|CONTRACT|LEGAL_OBLIGATION|PUBLIC_TASK|LEGITIMATE_INTEREST")
    private String legalBasis = "CONSENT";
    @NotBlank
    @Pattern(regexp = "STAFF|FORM|IMPORT")
    private String source = "STAFF";
    @Size(max = 100)
    private String textVersion;
    @Size(max = 5000)
    private String text;

    Map<String, Object> toRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purpose", purpose);
        body.put("legalBasis", legalBasis);
        body.put("source", source);
        body.put("textVersion", Texts.trimmed(textVersion));
        body.put("text", Texts.trimmed(text));
        return body;
    }

    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String legalBasis) { this.legalBasis = legalBasis; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getTextVersion() { return textVersion; }
    public void setTextVersion(String textVersion) { this.textVersion = textVersion; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
