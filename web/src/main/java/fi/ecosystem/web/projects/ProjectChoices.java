package fi.ecosystem.web.projects;

import fi.ecosystem.projects.api.DeliverableStatus;
import fi.ecosystem.projects.api.IndicatorFeed;
import fi.ecosystem.projects.api.PartnerRole;
import fi.ecosystem.projects.api.ProjectStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The fixed choices of the project forms as code → text in the page's language (for select fields). */
@Component("projectChoices")
public class ProjectChoices {

    private final MessageSource messages;

    ProjectChoices(MessageSource messages) {
        this.messages = messages;
    }

    public Map<String, String> partnerRoles() {
        return texts("partnerRole.", List.of(PartnerRole.values()));
    }

    public Map<String, String> deliverableStatuses() {
        return texts("deliverableStatus.", List.of(DeliverableStatus.values()));
    }

    public Map<String, String> feeds() {
        return texts("indicatorFeed.", List.of(IndicatorFeed.values()));
    }

    public Map<String, String> statuses(List<ProjectStatus> statuses) {
        return texts("projectStatus.", statuses);
    }

    private Map<String, String> texts(String prefix, List<? extends Enum<?>> codes) {
        Map<String, String> texts = new LinkedHashMap<>();
        codes.forEach(code -> texts.put(code.name(), messages.getMessage(prefix + code.name(), null, code.name(),
                LocaleContextHolder.getLocale())));
        return texts;
    }
}
