package fi.ecosystem.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;

/** A service's field errors land on the form's fields, in the user's language when the service sent a code. */
class FormsTest {

    public static class Form {
        private String title;
        private String email;

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }

    @Test
    void aCodedFieldErrorIsShownInTheUsersLanguageAndAnUncodedOneAsTheServiceSaidIt() {
        ServiceProblem problem = ServiceProblem.of(400, Map.of("type", "https://ecosystem.example.org/problems/validation",
                "detail", "The request has invalid fields", "errors", List.of(
                        Map.of("field", "title", "code", "title-missing", "message", "An event needs a title in at least one language"),
                        Map.of("field", "email", "message", "must be a well-formed email address"))));
        BeanPropertyBindingResult form = new BeanPropertyBindingResult(new Form(), "form");
        Forms.reject(form, problem);

        ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
        texts.setBasename("i18n/messages");
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
        assertThat(texts.getMessage(form.getFieldError("title"), Locale.forLanguageTag("sv"))).isEqualTo("Ange ett namn på minst ett språk.");
        assertThat(texts.getMessage(form.getFieldError("title"), Locale.forLanguageTag("fi"))).isEqualTo("Anna nimi vähintään yhdellä kielellä.");
        assertThat(texts.getMessage(form.getFieldError("email"), Locale.forLanguageTag("fi"))).isEqualTo("must be a well-formed email address");
    }

    @Test
    void aProblemAboutOneFieldIsShownWithItsProblemText() {
        ServiceProblem problem = ServiceProblem.of(400, Map.of("type", "https://ecosystem.example.org/problems/wrong-type",
                "detail", "Field 'email' has the wrong type or an invalid value", "field", "email"));
        BeanPropertyBindingResult form = new BeanPropertyBindingResult(new Form(), "form");
        Forms.reject(form, problem);
        ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
        texts.setBasename("i18n/messages");
        texts.setDefaultEncoding("UTF-8");
        assertThat(texts.getMessage(form.getFieldError("email"), Locale.forLanguageTag("en"))).isEqualTo("The field’s value has the wrong form.");
    }
}
