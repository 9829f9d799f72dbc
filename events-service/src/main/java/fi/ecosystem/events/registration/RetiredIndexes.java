package fi.ecosystem.events.registration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * At start: drops the registrations' indexes that no query uses any more, so that MongoDB stops keeping them up to
 * date on every write. {@code waiting_list} ordered the waiting list by time; {@code waiting_order} (by waiting
 * number) replaced it. Dropping an index that another replica dropped first is no error.
 */
@Component
class RetiredIndexes implements ApplicationRunner {

    static final String WAITING_LIST = "waiting_list";
    private static final Logger log = LoggerFactory.getLogger(RetiredIndexes.class);

    private final MongoTemplate mongo;

    RetiredIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        dropRetired();
    }

    boolean dropRetired() {
        try {
            if (!dropIfPresent(mongo.indexOps(Registration.class), WAITING_LIST)) {
                return false;
            }
            log.info("The registrations' index {} is dropped: the waiting list is ordered by waiting number", WAITING_LIST);
        } catch (org.springframework.dao.DataAccessException droppedMeanwhile) {
            log.info("The index {} was not dropped here ({}): another replica may have dropped it first", WAITING_LIST,
                    droppedMeanwhile.getMessage());
        }
        return true;
    }

    /** Drops the named index if the collection has it; false when it had none of that name. */
    static boolean dropIfPresent(IndexOperations indexes, String name) {
        if (indexes.getIndexInfo().stream().map(IndexInfo::getName).noneMatch(name::equals)) {
            return false;
        }
        indexes.dropIndex(name);
        return true;
    }
}
