package fi.ecosystem.web.events;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/** An organiser registers a participant (who may answer the event's questions on their behalf). */
public class ParticipantForm {

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
    @Pattern(regexp = "fi|sv|en")
    private String language = "fi";
    private Map<String, String> answers = new LinkedHashMap<>();

    Map<String, Object> toRequest(Questions questions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email.trim());
        body.put("firstName", firstName.trim());
        body.put("lastName", lastName.trim());
        body.put("organisationName", organisationName == null || organisationName.isBlank() ? null : organisationName.trim());
        body.put("language", language);
        if (!questions.isEmpty()) {
            body.put("answers", questions.answers(answers));
        }
        return body;
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getOrganisationName() { return organisationName; }
    public void setOrganisationName(String organisationName) { this.organisationName = organisationName; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public Map<String, String> getAnswers() { return answers; }
    public void setAnswers(Map<String, String> answers) { this.answers = answers; }
}
