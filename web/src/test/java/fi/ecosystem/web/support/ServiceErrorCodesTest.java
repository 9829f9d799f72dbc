package fi.ecosystem.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every error code a service can answer has a text in Finnish, Swedish and English, so no page or mail ever
 * shows a service's English message or a bare code. The codes are read from the services' sources: a domain
 * rule's code, a problem type, a field error's code and every Bean Validation constraint a request uses.
 */
class ServiceErrorCodesTest {

    static final Path ROOT = Path.of(System.getProperty("ecosystem.root", "..")).toAbsolutePath().normalize();
    static final String[] SERVICES = {"platform", "projects-service", "contacts-service", "events-service"};

    static final Pattern RULE = Pattern.compile("new DomainRuleViolation\\(\\s*\"([a-z0-9-]+)\"");
    static final Pattern PROBLEM = Pattern.compile("Problems\\.(?:of|write)\\(\\s*(?:\\w+,\\s*)?HttpStatus\\.\\w+,\\s*\"([a-z0-9-]+)\"");
    static final Pattern CODED_REFUSAL = Pattern.compile("new CodedAccessDenied\\(\\s*\"([a-z0-9-]+)\"");
    static final Pattern CODE_PROPERTY = Pattern.compile("String code = [^;]*?\"([a-z0-9-]+)\"\\s*:\\s*\"([a-z0-9-]+)\"");
    static final Pattern FIELD = Pattern.compile("(?:FieldError|InvalidFields\\.of)\\([^;]*?,\\s*\"([A-Za-z0-9-]+)\",");
    static final Pattern FIELD_CHOICE = Pattern.compile("FieldError\\([^;]*?\\?\\s*\"([A-Z][A-Za-z]+)\"\\s*:\\s*\"([A-Z][A-Za-z]+)\"");
    static final Pattern CONSTRAINT = Pattern.compile("import jakarta\\.validation\\.constraints\\.([A-Za-z]+);");

    @Test
    void everyCodeAServiceAnswersHasATextInEveryLanguage() {
        TreeSet<String> keys = new TreeSet<>();
        sources().forEach(source -> {
            collect(RULE, source, "problem.", keys);
            collect(PROBLEM, source, "problem.", keys);
            collect(CODE_PROPERTY, source, "problem.", keys);
            collect(CODED_REFUSAL, source, "problem.", keys);
            collect(CONSTRAINT, source, "", keys);
            Matcher field = FIELD.matcher(source);
            while (field.find()) {
                keys.add(ServiceProblem.messageKey(field.group(1)));
            }
            collect(FIELD_CHOICE, source, "", keys);
        });
        // the scan found what is known to be there: a scan that reads nothing would pass every time
        assertThat(keys).contains("problem.own-city-missing", "problem.possible-duplicates", "problem.validation",
                "problem.admin-needed", "problem.lead-city-only",
                "field.choice-options", "field.consent-purpose", "NotBlank", "Size", "Email");
        assertThat(keys).hasSizeGreaterThan(80);
        for (String language : new String[] {"fi", "sv", "en"}) {
            Properties texts = load(language);
            assertThat(keys.stream().filter(key -> texts.getProperty(key, "").isBlank()).toList())
                    .as("codes without a text in messages_%s.properties", language).isEmpty();
        }
    }

    @Test
    void aFieldCodeNamesItsText() {
        assertThat(ServiceProblem.messageKey("NotBlank")).isEqualTo("NotBlank");
        assertThat(ServiceProblem.messageKey("choice-options")).isEqualTo("field.choice-options");
    }

    private static void collect(Pattern pattern, String source, String prefix, TreeSet<String> keys) {
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                keys.add(prefix + matcher.group(group));
            }
        }
    }

    private static Stream<String> sources() {
        return Stream.of(SERVICES).map(module -> ROOT.resolve(module).resolve("src/main/java")).flatMap(folder -> {
            try (Stream<Path> files = Files.walk(folder)) {
                return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).map(file -> {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Properties load(String language) {
        Properties messages = new Properties();
        try (InputStream in = ServiceErrorCodesTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }
}
