package fi.ecosystem.projects.api.reporting;

import fi.ecosystem.contracts.ItemsPage;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * projects-service's reporting API ({@code /api/projects/{id}/reporting-periods}) as a client calls it. The records
 * are the ones the service's controller answers and accepts.
 */
@HttpExchange("/api/projects/{id}/reporting-periods")
public interface ReportingApi {

    @GetExchange
    List<PeriodResponse> periods(@PathVariable String id);

    @GetExchange("/{label}")
    PeriodResponse period(@PathVariable String id, @PathVariable String label);

    @PostExchange
    PeriodResponse add(@PathVariable String id, @RequestBody NewPeriod period);

    @DeleteExchange("/{label}")
    void remove(@PathVariable String id, @PathVariable String label);

    @PostExchange("/{label}/corrections")
    PeriodResponse correct(@PathVariable String id, @PathVariable String label, @RequestBody NewCorrection correction);

    @PostExchange("/{label}/submission")
    PeriodResponse submit(@PathVariable String id, @PathVariable String label);

    @PostExchange("/{label}/reopening")
    PeriodResponse reopen(@PathVariable String id, @PathVariable String label);

    @PostExchange("/{label}/lock")
    PeriodResponse lock(@PathVariable String id, @PathVariable String label);

    /** The list behind a figure; {@code cumulative}: everything up to the period's end. */
    @GetExchange("/{label}/figures/{figure}")
    ItemsPage<EvidenceRow> behind(@PathVariable String id, @PathVariable String label, @PathVariable Figure figure,
            @RequestParam boolean cumulative, @RequestParam int page, @RequestParam int size);

    /** The check-ins per session of the period's counting events, the events' titles in {@code lang}. */
    @GetExchange("/{label}/attendance")
    ItemsPage<SessionRow> attendance(@PathVariable String id, @PathVariable String label, @RequestParam String lang,
            @RequestParam int page, @RequestParam int size);
}
