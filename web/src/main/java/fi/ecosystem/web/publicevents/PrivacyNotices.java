package fi.ecosystem.web.publicevents;

import fi.ecosystem.web.support.Formats;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Where the public pages link for how registrants' data is handled. The data controller of a registration is
 * the city that organises the event, and every city publishes its own privacy notice: so the notice is the
 * organising city's, from configuration ({@code ecosystem.privacy-notices.cities.<city>.<language>}), else the
 * platform operator's ({@code ecosystem.privacy-notices.defaults.<language>}). A notice missing in the page's
 * language falls back to Finnish. No notice text lives in the code.
 */
@Component("privacyNotices")
public class PrivacyNotices {

    @ConfigurationProperties("ecosystem.privacy-notices")
    record Settings(Map<String, String> defaults, Map<String, Map<String, String>> cities) {

        Settings {
            defaults = defaults == null ? Map.of() : defaults;
            cities = cities == null ? Map.of() : cities;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Settings.class)
    static class Properties {
    }

    private final Settings settings;

    PrivacyNotices(Settings settings) {
        this.settings = settings;
    }

    /** The notice for an event of this city, in the page's language; null when none is configured. */
    public String forCity(Object city) {
        String language = Formats.language();
        Map<String, String> own = city == null ? null : settings.cities().get(String.valueOf(city));
        for (Map<String, String> urls : own == null ? java.util.List.of(settings.defaults()) : java.util.List.of(own, settings.defaults())) {
            String url = urls.getOrDefault(language, urls.get("fi"));
            if (url != null && !url.isBlank()) {
                return url;
            }
        }
        return null;
    }
}
