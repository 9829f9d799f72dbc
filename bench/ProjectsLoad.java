import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Loads N synthetic projects with M indicators each into projects-service's database, in the shape the
 * service stores (a benchmark fixture, not demo data). Run with the driver jars of the launcher:
 *   java -cp "deploy/local/target/lib/*" bench/ProjectsLoad.java [mongodb-uri] [projects] [indicators]
 */
public class ProjectsLoad {

    static final String[] CITIES = {"helsinki", "espoo", "vantaa", "tampere", "turku", "oulu", "hyvinkaa", "jarvenpaa",
        "kerava", "kirkkonummi", "mantsala", "nurmijarvi", "pornainen", "sipoo", "tuusula", "vihti", "iisalmi",
        "kristinestad", "raahe", "savonlinna", "rauma", "kuusamo", "kauhajoki", "keuruu", "heinola", "uusimaa"};
    static final String[] WORDS = {"kasvu", "ekosysteemi", "data", "kiertotalous", "terveys", "logistiikka", "matkailu",
        "vety", "akku", "muotoilu", "osaaminen", "investointi", "startup", "teollisuus", "energia", "ruoka"};
    static final String[] THEMES = {"URBAN_CLEANTECH", "HUMAN_HEALTH_TECH", "DIGITALISING_INDUSTRY", "WELFARE_CITY",
        "SMART_CITIZEN", "MANUFACTURING", "LOGISTICS", "ICT", "TOURISM", "DESIGN"};
    static final String[] STATUSES = {"PLANNED", "ACTIVE", "ACTIVE", "ENDED", "CONTINUED"};
    static final String[] FUNDERS = {"Uudenmaan liitto", "Business Finland", "EAKR", "Pirkanmaan liitto", "Kunnat"};

    public static void main(String[] args) {
        String uri = args.length > 0 ? args[0] : "mongodb://localhost:27017/projects";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int indicatorsEach = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Random random = new Random(42);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> projects = client.getDatabase(uri.replaceAll(".*/([^/?]+).*", "$1")).getCollection("projects");
            projects.deleteMany(new Document("_id", new Document("$regex", "^bench-")));
            long started = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String a = WORDS[random.nextInt(WORDS.length)];
                String b = WORDS[random.nextInt(WORDS.length)];
                String name = capitalise(a) + " ja " + b + " " + i;
                TreeSet<String> cities = new TreeSet<>();
                int size = 1 + random.nextInt(6);
                while (cities.size() < size) {
                    cities.add(CITIES[random.nextInt(CITIES.length)]);
                }
                String lead = cities.first();
                LocalDate start = LocalDate.of(2014 + random.nextInt(12), 1 + random.nextInt(12), 1);
                List<Document> indicators = new ArrayList<>();
                for (int k = 0; k < indicatorsEach; k++) {
                    List<Document> history = new ArrayList<>();
                    for (int y = 0; y < 3; y++) {
                        history.add(new Document("period", String.valueOf(start.getYear() + y)).append("value", (long) (y + 1) * 10)
                                .append("reportedBy", "bench").append("reportedAt", new Date()));
                    }
                    indicators.add(new Document("code", "indicator-" + k)
                            .append("name", new Document("fi", "Mittari " + k).append("en", "Indicator " + k))
                            .append("unit", "pcs").append("target", 100L).append("baseline", 0L).append("feed", "REPORTED")
                            .append("history", history));
                }
                TreeSet<String> tokens = new TreeSet<>(List.of(a, "ja", b, String.valueOf(i), ("B" + i).toLowerCase(Locale.ROOT)));
                batch.add(new Document("_id", "bench-" + i)
                        .append("acronym", "B" + i)
                        .append("name", new Document("fi", name).append("en", name))
                        .append("status", STATUSES[random.nextInt(STATUSES.length)])
                        .append("startDate", Date.from(start.atStartOfDay().toInstant(ZoneOffset.UTC)))
                        .append("endDate", Date.from(start.plusYears(2).atStartOfDay().toInstant(ZoneOffset.UTC)))
                        .append("leadCity", lead)
                        .append("participatingCities", new ArrayList<>(cities))
                        .append("totalBudgetEur", 100_000L * (1 + random.nextInt(50)))
                        .append("funding", List.of(new Document("funder", FUNDERS[random.nextInt(FUNDERS.length)]).append("amountEur", 50_000L)))
                        .append("partners", List.of())
                        .append("themes", List.of(THEMES[random.nextInt(THEMES.length)], THEMES[random.nextInt(THEMES.length)]))
                        .append("contacts", List.of()).append("publications", List.of()).append("workPackages", List.of())
                        .append("indicators", indicators)
                        .append("searchTokens", new ArrayList<>(tokens))
                        .append("participantsReached", 0L).append("eventsHeld", 0L)
                        .append("createdAt", new Date()).append("updatedAt", new Date())
                        .append("version", 0L).append("pendingEvents", List.of()));
                if (batch.size() == 100) {
                    projects.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                projects.insertMany(batch);
            }
            System.out.printf("loaded %d projects with %d indicators each in %.1f s%n", count, indicatorsEach,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
