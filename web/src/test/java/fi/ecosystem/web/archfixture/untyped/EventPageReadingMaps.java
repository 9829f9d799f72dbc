package fi.ecosystem.web.archfixture.untyped;

import fi.ecosystem.web.support.ServiceClient;
import java.util.Map;
import org.springframework.web.client.RestClient;

/** A page as the typed-answers rule must refuse it: events-service's answer read as a map, two ways. */
class EventPageReadingMaps {

    Object title(RestClient events) {
        return events.get().uri("/api/events/{id}", "ev-1").retrieve().body(Map.class).get("title");
    }

    Object status(ServiceClient events) {
        return events.get("/api/events/{id}", "ev-1").get("status");
    }
}
