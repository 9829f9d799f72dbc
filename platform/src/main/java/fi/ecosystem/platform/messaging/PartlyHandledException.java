package fi.ecosystem.platform.messaging;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A batch handler ({@link Subscription.Builder#batch}) failed after some of its events had taken effect that must not
 * happen twice (a mail sent): the inbox marks those as handled before the failure goes on, so that handling the
 * batch again, one event at a time, passes them over and retries only the others.
 */
public class PartlyHandledException extends RuntimeException {

    private final Set<String> handled;

    /** {@code handled}: the events that took effect; {@code cause}: why the others did not. */
    public PartlyHandledException(Collection<InboundEvent> handled, Throwable cause) {
        super(handled.size() + " events of the batch were handled before it failed: " + cause.getMessage(), cause);
        this.handled = handled.stream().map(InboundEvent::id).collect(Collectors.toUnmodifiableSet());
    }

    public boolean handled(InboundEvent event) {
        return handled.contains(event.id());
    }
}
