package fi.ecosystem.web.contacts;

import fi.ecosystem.web.support.Texts;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/** What staff change of a person: the details their city's sources supplied (the service keeps the others). */
public class PersonEditForm {

    @Size(max = 100)
    private String firstName;
    @Size(max = 100)
    private String lastName;
    @Size(max = 200)
    private String title;
    @Size(max = 300)
    private String organisationName;
    @Email
    @Size(max = 254)
    private String email;
    @Size(max = 40)
    private String phone;
    @Pattern(regexp = "fi|sv|en")
    private String language;

    /** The form as the person page shows them to this caller. */
    static PersonEditForm of(Map<String, Object> person) {
        PersonEditForm form = new PersonEditForm();
        form.firstName = text(person.get("firstName"));
        form.lastName = text(person.get("lastName"));
        form.title = text(person.get("title"));
        form.organisationName = text(person.get("organisationName"));
        form.email = text(person.get("email"));
        form.phone = text(person.get("phone"));
        form.language = text(person.get("language"));
        return form;
    }

    /** The body of {@code PUT /api/contacts/{id}}; the organisation id stays as it was when the name did not change. */
    Map<String, Object> toRequest(Map<String, Object> person) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", Texts.trimmed(firstName));
        body.put("lastName", Texts.trimmed(lastName));
        body.put("title", Texts.trimmed(title));
        body.put("organisationName", Texts.trimmed(organisationName));
        if (organisationName != null && organisationName.trim().equals(person.get("organisationName"))) {
            body.put("organisationId", person.get("organisationId"));
        }
        body.put("email", Texts.trimmed(email));
        body.put("phone", Texts.trimmed(phone));
        body.put("language", Texts.filled(language) ? language : null);
        return body;
    }

    /** The service names a field as the form does, except its check that a person has a name. */
    static String formField(String field) {
        return "name".equals(field) ? "firstName" : field;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getOrganisationName() { return organisationName; }
    public void setOrganisationName(String organisationName) { this.organisationName = organisationName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
