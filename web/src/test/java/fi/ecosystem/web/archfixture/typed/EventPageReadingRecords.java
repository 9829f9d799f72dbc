package fi.ecosystem.web.archfixture.typed;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.events.api.EventsApi;

/** A page as the typed-answers rule lets it be: events-service's answer read as the API's record. */
class EventPageReadingRecords {

    LocalizedText title(EventsApi events) {
        return events.get("ev-1").title();
    }
}
