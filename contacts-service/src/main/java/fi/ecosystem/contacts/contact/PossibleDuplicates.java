package fi.ecosystem.contacts.contact;

import fi.ecosystem.platform.web.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Manual entry of someone who may be there already: 409 with the candidates the caller may see, so the UI
 * can offer "use this one" or "create anyway" ({@code allowDuplicate=true}). The same e-mail address cannot
 * be overridden: addresses are unique.
 */
public class PossibleDuplicates extends ErrorResponseException {

    /** A person who looks like the one being entered, and on what they match (email, phone, name). */
    public record Candidate(String id, String firstName, String lastName, String organisationName, String email,
            String phone, List<String> matchedOn) {
    }

    public PossibleDuplicates(List<Candidate> candidates, boolean sameEmail) {
        super(HttpStatus.CONFLICT, problem(candidates, sameEmail), null);
    }

    private static ProblemDetail problem(List<Candidate> candidates, boolean sameEmail) {
        String code = sameEmail ? "duplicate-email" : "possible-duplicates";
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, code, sameEmail
                ? "A person with this e-mail address exists already"
                : "This may be a person who exists already; check the candidates or create anyway with allowDuplicate=true");
        problem.setProperty("code", code);
        problem.setProperty("candidates", candidates);
        return problem;
    }
}
