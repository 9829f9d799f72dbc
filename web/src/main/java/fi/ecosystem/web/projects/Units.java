package fi.ecosystem.web.projects;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An indicator's unit in the page's language: the units the platform uses ({@code pcs}, {@code persons}…) have
 * texts ({@code unit.pcs}); a unit a project typed itself ("LinkedIn-näyttökertaa") is shown as typed.
 */
@Component("units")
public class Units {

    private final MessageSource messages;

    Units(MessageSource messages) {
        this.messages = messages;
    }

    public String name(Object unit) {
        if (unit == null) {
            return "";
        }
        String code = String.valueOf(unit);
        return messages.getMessage("unit." + code, null, code, LocaleContextHolder.getLocale());
    }
}
