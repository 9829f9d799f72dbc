package fi.ecosystem.events.registration;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends the offers whose deadline passed. Every replica runs this; each offer is claimed in one guarded write
 * (still OFFERED, deadline passed; see {@link RegistrationStore#expire}), so it expires once, by one replica, and its
 * place goes to the next waiting person. The index {@code offers_due} (status, deadline) finds them. Each round also
 * offers the places a dying process left free while people wait ({@link WaitingList#offerPlacesLeftFree}).
 */
@Component
public class OfferDeadlines {

    private static final Logger log = LoggerFactory.getLogger(OfferDeadlines.class);

    private final WaitingList waitingList;

    OfferDeadlines(WaitingList waitingList) {
        this.waitingList = waitingList;
    }

    @Scheduled(fixedDelayString = "${ecosystem.events.offers.every:PT1M}", initialDelayString = "${ecosystem.events.offers.first:PT20S}")
    void expireDueOffers() {
        try {
            Instant now = Instant.now();
            expire(now);
            offerPlacesLeftFree(now);
        } catch (RuntimeException storeAway) {
            log.warn("Offers due could not be expired now; tried again next round", storeAway);
        }
    }

    /** Expires the offers due at {@code now}; returns how many this replica expired. */
    public int expire(Instant now) {
        return waitingList.expireOffers(now);
    }

    /** Offers (or gives) the places left free while people wait; returns how many got a place or an offer. */
    public int offerPlacesLeftFree(Instant now) {
        return waitingList.offerPlacesLeftFree(now);
    }
}
