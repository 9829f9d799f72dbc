package fi.ecosystem.web.projects;

import fi.ecosystem.projects.api.DeliverableStatus;
import fi.ecosystem.projects.api.ProjectRequest;
import fi.ecosystem.projects.api.ProjectResponse;
import fi.ecosystem.projects.api.WorkPackageRequest;
import fi.ecosystem.web.support.Texts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** A work package with its deliverables (title, due date, status); empty deliverable rows are dropped. */
public class WorkPackageForm {

    private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("^deliverables\\[(\\d+)](.*)$");

    @NotNull
    @Min(1)
    @Max(99)
    private Integer number;
    @Size(max = 300)
    private String titleFi;
    @Size(max = 300)
    private String titleSv;
    @Size(max = 300)
    private String titleEn;
    @Size(max = 200)
    private String responsiblePartner;
    @Size(max = 10_000)
    private String descriptionFi;
    @Size(max = 10_000)
    private String descriptionSv;
    @Size(max = 10_000)
    private String descriptionEn;
    @Valid
    private List<DeliverableRow> deliverables = new ArrayList<>();
    private final List<Integer> sentRows = new ArrayList<>();

    static WorkPackageForm of(ProjectResponse.WorkPackage workPackage) {
        WorkPackageForm form = new WorkPackageForm();
        form.number = workPackage.number();
        if (workPackage.title() != null) {
            form.titleFi = workPackage.title().fi();
            form.titleSv = workPackage.title().sv();
            form.titleEn = workPackage.title().en();
        }
        form.responsiblePartner = workPackage.responsiblePartner();
        if (workPackage.description() != null) {
            form.descriptionFi = workPackage.description().fi();
            form.descriptionSv = workPackage.description().sv();
            form.descriptionEn = workPackage.description().en();
        }
        for (ProjectResponse.Deliverable deliverable : workPackage.deliverables()) {
            form.deliverables.add(new DeliverableRow(deliverable.title(),
                    deliverable.dueDate() == null ? null : deliverable.dueDate().toString(),
                    deliverable.status() == null ? null : deliverable.status().name()));
        }
        return form;
    }

    WorkPackageForm withEmptyRows() {
        deliverables.removeIf(row -> row == null || row.isEmpty());
        for (int i = 0; i < ProjectForm.NEW_ROWS; i++) {
            deliverables.add(new DeliverableRow());
        }
        return this;
    }

    WorkPackageRequest toRequest() {
        List<WorkPackageRequest.Deliverable> sent = new ArrayList<>();
        sentRows.clear();
        for (int i = 0; i < deliverables.size(); i++) {
            DeliverableRow row = deliverables.get(i);
            if (row != null && !row.isEmpty()) {
                sentRows.add(i); // first: a date refused below is shown next to this row
                sent.add(new WorkPackageRequest.Deliverable(Texts.trimmed(row.title),
                        Texts.date("deliverables[" + sent.size() + "].dueDate", row.dueDate),
                        Texts.valueOf(DeliverableStatus.class, row.status)));
            }
        }
        return new WorkPackageRequest(new ProjectRequest.Text(Texts.trimmed(titleFi), Texts.trimmed(titleSv), Texts.trimmed(titleEn)),
                Texts.trimmed(responsiblePartner), new ProjectRequest.LongText(Texts.trimmed(descriptionFi),
                        Texts.trimmed(descriptionSv), Texts.trimmed(descriptionEn)), sent);
    }

    String formField(String field) {
        Matcher row = ROW.matcher(field);
        if (row.matches()) {
            int sent = Integer.parseInt(row.group(1));
            return sent < sentRows.size() ? "deliverables[" + sentRows.get(sent) + "]" + row.group(2) : null;
        }
        return switch (field) {
            case "title", "title.fi" -> "titleFi";
            case "title.sv" -> "titleSv";
            case "title.en" -> "titleEn";
            case "description.fi" -> "descriptionFi";
            case "description.sv" -> "descriptionSv";
            case "description.en" -> "descriptionEn";
            case "number" -> "number";
            default -> field;
        };
    }

    boolean hasTitle() {
        return Texts.filled(titleFi) || Texts.filled(titleSv) || Texts.filled(titleEn);
    }

    public static class DeliverableRow {
        @Size(max = 300)
        private String title;
        @Pattern(regexp = "(\\d{4}-\\d{2}-\\d{2})?")
        private String dueDate;
        private String status;

        public DeliverableRow() {
        }

        DeliverableRow(String title, String dueDate, String status) {
            this.title = title;
            this.dueDate = dueDate;
            this.status = status;
        }

        boolean isEmpty() {
            return !Texts.filled(title) && !Texts.filled(dueDate);
        }

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getDueDate() { return dueDate; }
        public void setDueDate(String dueDate) { this.dueDate = dueDate; }
        public String getStatus() { return status; }
        public void setStatus(String status) { this.status = status; }
    }

    public Integer getNumber() { return number; }
    public void setNumber(Integer number) { this.number = number; }
    public String getTitleFi() { return titleFi; }
    public void setTitleFi(String titleFi) { this.titleFi = titleFi; }
    public String getTitleSv() { return titleSv; }
    public void setTitleSv(String titleSv) { this.titleSv = titleSv; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getResponsiblePartner() { return responsiblePartner; }
    public void setResponsiblePartner(String responsiblePartner) { this.responsiblePartner = responsiblePartner; }
    public String getDescriptionFi() { return descriptionFi; }
    public void setDescriptionFi(String descriptionFi) { this.descriptionFi = descriptionFi; }
    public String getDescriptionSv() { return descriptionSv; }
    public void setDescriptionSv(String descriptionSv) { this.descriptionSv = descriptionSv; }
    public String getDescriptionEn() { return descriptionEn; }
    public void setDescriptionEn(String descriptionEn) { this.descriptionEn = descriptionEn; }
    public List<DeliverableRow> getDeliverables() { return deliverables; }
    public void setDeliverables(List<DeliverableRow> deliverables) { this.deliverables = deliverables; }
}
