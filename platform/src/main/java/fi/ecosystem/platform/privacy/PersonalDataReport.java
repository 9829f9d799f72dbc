package fi.ecosystem.platform.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.types.ObjectId;

/**
 * What one service holds about a person, by kind ({@code registrations}, {@code projectContacts}…), as
 * every service answers {@code GET /api/gdpr/people}. contacts-service puts the answers together.
 */
public record PersonalDataReport(String service, Map<String, List<Map<String, Object>>> items) {

    /** Technical fields that say nothing about the person (and the private link, which is a secret). */
    static final Set<String> TECHNICAL = Set.of("_class", "pendingEvents", "version", "emailHash", "privateToken");

    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        items.forEach((kind, list) -> counts.put(kind, (long) list.size()));
        return counts;
    }

    /**
     * A stored document as plain JSON values, without the technical fields: the export shows whatever the
     * service stores, also fields added later, without a mapping to keep in step.
     */
    public static Map<String, Object> plain(Map<String, Object> document) {
        Map<String, Object> plain = new LinkedHashMap<>();
        document.forEach((field, value) -> {
            if (!TECHNICAL.contains(field)) {
                plain.put(field.equals("_id") ? "id" : field, value(value));
            }
        });
        return plain;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object value) {
        if (value instanceof Map<?, ?> map) {
            return plain((Map<String, Object>) map);
        }
        if (value instanceof Collection<?> list) {
            List<Object> plain = new ArrayList<>();
            list.forEach(item -> plain.add(value(item)));
            return plain;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        return value;
    }
}
