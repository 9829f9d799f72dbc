package fi.ecosystem.projects.demo;

import fi.ecosystem.contracts.LocalizedText;
import fi.ecosystem.projects.project.Project;
import fi.ecosystem.projects.project.ProjectService;
import fi.ecosystem.projects.project.ProjectStatus;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The projects of the seed documents (shared/seeds), loaded once by the local stack: fixed ids make a
 * second run leave them alone. Their events go out through the outbox like any other change, so the
 * other services build their read models from them.
 */
@Component
@ConditionalOnProperty(name = "ecosystem.demo-data.enabled", havingValue = "true")
class DemoProjects implements ApplicationRunner {

    static final Set<String> SIX_CITIES = Set.of("helsinki", "espoo", "vantaa", "tampere", "turku", "oulu");
    static final Set<String> KUUMA = Set.of("hyvinkaa", "jarvenpaa", "kerava", "kirkkonummi", "mantsala",
            "nurmijarvi", "pornainen", "sipoo", "tuusula", "vihti");
    static final Set<String> REGIONAL_TOWNS = Set.of("iisalmi", "kristinestad", "raahe", "savonlinna", "rauma",
            "kuusamo", "kauhajoki", "keuruu", "heinola");

    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

    private final ProjectService projects;

    DemoProjects(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public void run(ApplicationArguments args) {
        int loaded = 0;
        Project growthEcosystems = Project.plan("kasvun-ekosysteemit", "KASVU",
                LocalizedText.of("Kasvun ekosysteemit", "Tillväxtekosystem", "Growth Ecosystems"),
                LocalizedText.of("6Aika-hanke: kasvuohjelmat ja innovaatioekosysteemit kuuden suurimman kaupungin yhteistyönä.",
                        null, "A 6Aika project of the six largest cities: growth programmes and innovation ecosystems."),
                LocalDate.of(2018, 8, 1), LocalDate.of(2021, 6, 30), "helsinki", SIX_CITIES);
        growthEcosystems.changeStatus(ProjectStatus.ACTIVE);
        growthEcosystems.changeStatus(ProjectStatus.ENDED);
        loaded += projects.planOnce(growthEcosystems).isPresent() ? 1 : 0;

        Project ring2024 = Project.plan("hri-2024", "HRI 2024",
                LocalizedText.of("Helsinki Ring of Industry 2024", null, "Helsinki Ring of Industry 2024"),
                LocalizedText.of("KUUMA-kuntien teollisuuden sijoittumisen markkinointi jatkuu kuntarahoituksella.", null,
                        "Investment promotion of the KUUMA municipalities, continued with municipal funding."),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "hyvinkaa", KUUMA);
        ring2024.changeStatus(ProjectStatus.ACTIVE);
        Project ring = Project.plan("hri", "HRI",
                LocalizedText.of("Helsinki Ring of Industry", null, "Helsinki Ring of Industry"),
                LocalizedText.of("Kymmenen KUUMA-kunnan teollisuusalueiden yhteismarkkinointi, Uudenmaan liiton rahoittama.", null,
                        "Joint promotion of the industrial areas of the ten KUUMA municipalities, funded by the Helsinki-Uusimaa Regional Council."),
                null, LocalDate.of(2023, 12, 31), "hyvinkaa", KUUMA);
        ring.changeStatus(ProjectStatus.ACTIVE);
        ring.changeStatus(ProjectStatus.ENDED);
        ring.continueWith(ring2024);
        loaded += projects.planOnce(ring2024).isPresent() ? 1 : 0;
        loaded += projects.planOnce(ring).isPresent() ? 1 : 0;

        Project regionalTowns = Project.plan("seutukaupunkien-innovaatioekosysteemit", "SEUTU-INNO",
                LocalizedText.of("Seutukaupunkien innovaatioekosysteemiverkoston kehittäminen",
                        "Utveckling av regionstädernas nätverk av innovationsekosystem",
                        "Developing the innovation ecosystem network of regional towns"),
                LocalizedText.of("Kymmenen seutukaupunkia kahdeksasta maakunnasta kehittää alueellista innovaatioekosysteemiään yhdessä.",
                        null, "Ten regional towns from eight regions develop their innovation ecosystems together."),
                null, null, "iisalmi", REGIONAL_TOWNS);
        regionalTowns.changeStatus(ProjectStatus.ACTIVE);
        loaded += projects.planOnce(regionalTowns).isPresent() ? 1 : 0;
        log.info("Demo projects: {} loaded, the rest were there already", loaded);
    }
}
