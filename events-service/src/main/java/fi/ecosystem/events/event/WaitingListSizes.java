package fi.ecosystem.events.event;

import java.util.Collection;
import java.util.Map;

/**
 * How many people wait on each event's waiting list, for a page of events in one query. The registrations
 * feature answers it; events only ask (so events never depend on registrations).
 */
public interface WaitingListSizes {

    /** Event id → waitlisted registrations; events without anyone waiting are absent. */
    Map<String, Long> of(Collection<String> eventIds);
}
