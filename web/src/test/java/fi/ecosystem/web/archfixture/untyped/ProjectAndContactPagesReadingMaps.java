package fi.ecosystem.web.archfixture.untyped;

import fi.ecosystem.web.support.ServiceClient;
import java.util.List;
import java.util.Map;

/** Project and contact pages as the typed-answers rule must refuse them: the services' answers read as maps. */
class ProjectAndContactPagesReadingMaps {

    Object projectName(ServiceClient projects) {
        return projects.get("/api/projects/{id}", "kasvu").get("name");
    }

    List<Map<String, Object>> people(ServiceClient contacts) {
        return contacts.items("/api/contacts?size={size}", 50);
    }
}
