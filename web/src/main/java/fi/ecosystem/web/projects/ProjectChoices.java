package fi.ecosystem.web.projects;

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
        return texts("partnerRole.", ProjectsController.PARTNER_ROLES);
    }

    public Map<String, String> deliverableStatuses() {
        return texts("deliverableStatus.", WorkPackageForm.DELIVERABLE_STATUSES);
    }

    public Map<String, String> feeds() {
        return texts("indicatorFeed.", IndicatorForm.FEEDS);
    }

    public Map<String, String> statuses(List<String> statuses) {
        return texts("projectStatus.", statuses);
    }

    private Map<String, String> texts(String prefix, List<String> codes) {
        Map<String, String> texts = new LinkedHashMap<>();
        codes.forEach(code -> texts.put(code, messages.getMessage(prefix + code, null, code, LocaleContextHolder.getLocale())));
        return texts;
    }
}
