package fi.ecosystem.platform.messaging;

import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;

/**
 * Every save or insert of an {@link Aggregate}, by a repository or the template: just before the aggregate is
 * converted to its document, the events it recorded become pending events in it (so they are stored in that
 * same write); after the write, what the document holds pending goes to the outbox ({@link Outbox#saved}). A failed
 * write sends and wakes nothing. What was written is read from the written document.
 */
class OutboxCallbacks implements BeforeConvertCallback<Aggregate>, AfterSaveCallback<Aggregate> {

    private final Outbox outbox;

    OutboxCallbacks(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Aggregate onBeforeConvert(Aggregate aggregate, String collection) {
        aggregate.takeRecorded(outbox);
        return aggregate;
    }

    @Override
    public Aggregate onAfterSave(Aggregate aggregate, Document document, String collection) {
        outbox.saved(collection, document, aggregate.takeStored());
        return aggregate;
    }
}
