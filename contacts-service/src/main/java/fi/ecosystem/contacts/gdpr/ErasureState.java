package fi.ecosystem.contacts.gdpr;

import fi.ecosystem.platform.privacy.ErasureController.ErasureDone;
import fi.ecosystem.platform.privacy.PrivacyAudit;
import fi.ecosystem.platform.web.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Where a person's erasure stands: requested when and by whom, and when each service finished. */
@Service
public class ErasureState {

    private final PrivacyAudit audit;
    private final OtherServices others;
    private final String service;

    ErasureState(PrivacyAudit audit, OtherServices others, @Value("${spring.application.name}") String service) {
        this.audit = audit;
        this.others = others;
        this.service = service;
    }

    /**
     * @param complete  every service has finished
     * @param tookMillis from the request to the last service done (null until complete)
     */
    public record State(String contactId, Instant requestedAt, String requestedBy, boolean complete, Long tookMillis,
            List<ErasureDone> services, List<String> pending) {
    }

    /** @param askOthers false right after the request, when no other service can have finished yet */
    public State of(String contactId, boolean askOthers) {
        PrivacyAudit.Entry requested = audit.of(contactId).stream()
                .filter(entry -> entry.action().equals(PrivacyAudit.ERASURE_REQUESTED)).findFirst()
                .orElseThrow(() -> new NotFoundException("Erasure of " + contactId));
        List<ErasureDone> done = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        audit.erasureOf(contactId).ifPresentOrElse(
                own -> done.add(new ErasureDone(service, contactId, own.at(), own.items())), () -> pending.add(service));
        Map<String, Optional<ErasureDone>> elsewhere = askOthers ? others.erasures(contactId) : Map.of();
        if (!askOthers) {
            pending.addAll(others.names());
        }
        elsewhere.forEach((name, state) -> state.ifPresentOrElse(done::add, () -> pending.add(name)));
        boolean complete = pending.isEmpty();
        Long took = complete ? done.stream().map(ErasureDone::erasedAt).max(Instant::compareTo)
                .map(last -> Duration.between(requested.at(), last).toMillis()).orElse(0L) : null;
        return new State(contactId, requested.at(), requested.actorName(), complete, took, done, pending);
    }
}
