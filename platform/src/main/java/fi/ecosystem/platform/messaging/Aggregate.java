package fi.ecosystem.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Transient;

/**
 * The base of every aggregate that causes events. Its methods {@link #record} what happened; saving it (a
 * repository's or the template's save/insert) stores those events in its own document, in the same write
 * ({@code pendingEvents}, see {@link OutboxCallbacks}), and the relay publishes them from there. A guarded
 * atomic update records its event through {@link AtomicChanges} instead. Nothing else touches the outbox.
 */
public abstract class Aggregate {

    /** Recorded since the last write; turned into pending events when the aggregate is written. */
    @Transient
    private List<RecordedEvent> recorded = new ArrayList<>();
    private List<OutboxEvent> pendingEvents = new ArrayList<>();
    /** What the write under way stores, between {@link #takeRecorded} and {@link #takeStored}. */
    @Transient
    private List<OutboxEvent> storing = List.of();

    protected final void record(RecordedEvent event) {
        if (recorded == null) {
            recorded = new ArrayList<>();
        }
        recorded.add(event);
    }

    /** The events stored with the aggregate and not yet published. */
    public List<OutboxEvent> pendingEvents() {
        return pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
    }

    /** Moves what was recorded into the pending events (called just before the write); returns what moved. */
    final List<OutboxEvent> takeRecorded(Outbox outbox) {
        storing = List.of();
        if (recorded == null || recorded.isEmpty()) {
            return List.of();
        }
        List<OutboxEvent> made = recorded.stream().map(outbox::pending).toList();
        recorded = new ArrayList<>();
        if (pendingEvents == null) {
            pendingEvents = new ArrayList<>();
        }
        pendingEvents.addAll(made);
        storing = made;
        return made;
    }

    /** The events the write that just ended stored (none when it stored none); each write's are returned once. */
    final List<OutboxEvent> takeStored() {
        List<OutboxEvent> stored = storing == null ? List.of() : storing;
        storing = List.of();
        return stored;
    }
}
