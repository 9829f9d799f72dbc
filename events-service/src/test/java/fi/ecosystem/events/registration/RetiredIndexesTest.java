package fi.ecosystem.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** The index that ordered the waiting list by time goes at start; a second start finds nothing to drop. */
class RetiredIndexesTest extends EventsApiTestSupport {

    @Autowired
    RetiredIndexes retired;

    @Test
    void theWaitingListsIndexByTimeIsDroppedOnceAndTheOthersStay() {
        var indexes = mongo.indexOps(Registration.class);
        indexes.createIndex(new CompoundIndexDefinition(new org.bson.Document("eventId", 1).append("status", 1)
                .append("createdAt", 1)).named(RetiredIndexes.WAITING_LIST));
        assertThat(indexes.getIndexInfo().stream().map(IndexInfo::getName)).contains(RetiredIndexes.WAITING_LIST);

        assertThat(retired.dropRetired()).isTrue();
        assertThat(indexes.getIndexInfo().stream().map(IndexInfo::getName))
                .doesNotContain(RetiredIndexes.WAITING_LIST).contains("eventId_1_email_1");
        assertThat(retired.dropRetired()).isFalse();
    }
}
