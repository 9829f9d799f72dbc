package fi.ecosystem.web.events;

import fi.ecosystem.events.api.RegisterRequest;
import fi.ecosystem.web.support.Texts;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/** Who registers for an event, and their answers to its questions: the public's form and the organisers' alike. */
public class PersonForm {

    @NotBlank
    @Size(max = 100)
    private String firstName;
    @NotBlank
    @Size(max = 100)
    private String lastName;
    @NotBlank
    @Email
    @Size(max = 254)
    private String email;
    @Size(max = 200)
    private String organisationName;
    /** asked when the event asks for it; the events service checks the Y-tunnus and its check digit */
    @Size(max = 20)
    private String businessId;
    /** question id → answer (a choice's option id; "true" for a given consent) */
    private Map<String, String> answers = new LinkedHashMap<>();

    /** The registration as the events service takes it, in the registrant's language. */
    public RegisterRequest toRequest(Questions questions, String language) {
        return new RegisterRequest(email.trim(), firstName.trim(), lastName.trim(), Texts.trimmed(organisationName), language,
                questions.isEmpty() ? null : questions.answers(answers), Texts.trimmed(businessId));
    }

    /** The service's field names are the form's; an answer's is answers.{id}. */
    public static String formField(String field) {
        return field.startsWith("answers.") ? "answers[" + field.substring("answers.".length()) + "]" : field;
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getOrganisationName() { return organisationName; }
    public void setOrganisationName(String organisationName) { this.organisationName = organisationName; }
    public String getBusinessId() { return businessId; }
    public void setBusinessId(String businessId) { this.businessId = businessId; }
    public Map<String, String> getAnswers() { return answers; }
    public void setAnswers(Map<String, String> answers) { this.answers = answers; }
}
