package fi.ecosystem.web.events;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One question for registrants on the event form. A choice's options are written one per line as
 * "suomeksi | på svenska | in English"; their ids are kept in order, so an edit keeps the answers given.
 */
public class QuestionRow {

    private String id;
    @Pattern(regexp = "(TEXT|CHOICE|CONSENT)?")
    private String kind;
    @Size(max = 300)
    private String labelFi;
    @Size(max = 300)
    private String labelSv;
    @Size(max = 300)
    private String labelEn;
    private boolean required;
    @Size(max = 5000)
    private String options;
    /** the options' ids, comma separated, in the order of the lines */
    private String optionIds;
    @Size(max = 500)
    @Pattern(regexp = "(https?://\\S+)?")
    private String policyUrl;
    @Size(max = 40)
    private String policyVersion;
    @Pattern(regexp = "(NEWSLETTER|EVENT_COMMUNICATION|RESEARCH)?")
    private String consentPurpose;

    boolean isEmpty() {
        return SessionRow.blank(kind) && SessionRow.blank(labelFi) && SessionRow.blank(labelSv) && SessionRow.blank(labelEn);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getLabelFi() { return labelFi; }
    public void setLabelFi(String labelFi) { this.labelFi = labelFi; }
    public String getLabelSv() { return labelSv; }
    public void setLabelSv(String labelSv) { this.labelSv = labelSv; }
    public String getLabelEn() { return labelEn; }
    public void setLabelEn(String labelEn) { this.labelEn = labelEn; }
    public boolean isRequired() { return required; }
    public void setRequired(boolean required) { this.required = required; }
    public String getOptions() { return options; }
    public void setOptions(String options) { this.options = options; }
    public String getOptionIds() { return optionIds; }
    public void setOptionIds(String optionIds) { this.optionIds = optionIds; }
    public String getPolicyUrl() { return policyUrl; }
    public void setPolicyUrl(String policyUrl) { this.policyUrl = policyUrl; }
    public String getPolicyVersion() { return policyVersion; }
    public void setPolicyVersion(String policyVersion) { this.policyVersion = policyVersion; }
    public String getConsentPurpose() { return consentPurpose; }
    public void setConsentPurpose(String consentPurpose) { this.consentPurpose = consentPurpose; }
}
