package fi.ecosystem.web.contacts;

import fi.ecosystem.contacts.api.ContactResponse;
import fi.ecosystem.contacts.api.PersonRequest;
import fi.ecosystem.web.support.Texts;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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
    @Pattern(regexp = PersonRequest.LANGUAGES)
    private String language;

    /** The form as the person page shows them to this caller. */
    static PersonEditForm of(ContactResponse person) {
        PersonEditForm form = new PersonEditForm();
        form.firstName = person.firstName();
        form.lastName = person.lastName();
        form.title = person.title();
        form.organisationName = person.organisationName();
        form.email = person.email();
        form.phone = person.phone();
        form.language = person.language();
        return form;
    }

    /** The body of {@code PUT /api/contacts/{id}}; the organisation id stays as it was when the name did not change. */
    PersonRequest toRequest(ContactResponse person) {
        boolean sameOrganisation = organisationName != null && organisationName.trim().equals(person.organisationName());
        return new PersonRequest(Texts.trimmed(firstName), Texts.trimmed(lastName), Texts.trimmed(title),
                Texts.trimmed(organisationName), sameOrganisation ? person.organisationId() : null, Texts.trimmed(email),
                Texts.trimmed(phone), Texts.filled(language) ? language : null, null);
    }

    /** The service names a field as the form does, except its check that a person has a name. */
    static String formField(String field) {
        return "name".equals(field) ? "firstName" : field;
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
