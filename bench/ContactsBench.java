import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import fi.ecosystem.contacts.contact.ContactWordEntries;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Fixture of bench/contacts-search.sh. Two jobs:
 *
 * <pre>
 *   seed  URI COUNT                      N synthetic people straight into contacts-service's database, in the shape
 *                                        the service stores (bulk insert; ids bench-*, replaced on every run), and
 *                                        200 projects of the project read model (bench-p*)
 *   store PORT DATAFILE COUNT JWKSPORT [h2|memory]
 *                                        for measuring without the stack: the embedded store (mongo-java-server
 *                                        with the H2 backend as the local stack has it, or in memory) on PORT, seeded, and a
 *                                        token issuer (a JWKS endpoint on JWKSPORT; the token is written to
 *                                        DATAFILE.token) for a Helsinki integrator with contacts:read
 * </pre>
 *
 * Run with the launcher's jars: java -cp "deploy/local/target/lib/*" bench/ContactsBench.java …
 */
public class ContactsBench {

    static final String[] CITIES = {"helsinki", "espoo", "vantaa", "tampere", "turku", "oulu", "hyvinkaa", "kerava",
        "iisalmi", "rauma", "kauhajoki", "heinola", "uusimaa"};
    static final String[] FIRST = {"Aino", "Eero", "Helmi", "Juhani", "Kaisa", "Lauri", "Maija", "Niilo", "Outi", "Pekka",
        "Riikka", "Sami", "Tiina", "Ville", "Åsa", "Anders", "Elina", "Mikko", "Sanna", "Teemu"};
    static final String[] LAST = {"Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen",
        "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen",
        "Salonen", "Turunen", "Öström", "Lindqvist", "Karppinen", "Rantanen", "Pitkänen"};
    static final String[] ORGANISATIONS = {"Teknologiakeskus TechVilla Oy", "Business Tampere", "Turku Science Park",
        "BusinessOulu", "Helsinki Business Hub", "Naturpolis Oy", "Kehittämisyhtiö Keulink Oy", "Savonlinnan hankekehitys Oy",
        "Uudenmaan liitto", "Pirkanmaan liitto", "Esimerkki Oy", "Testi Ab", "Malli Oyj", "Kokeilu Ky"};
    static final String[] ROLES = {"PROJECT_MANAGER", "PROJECT_SECRETARY", "BUSINESS_EXPERT", "DEVELOPMENT_MANAGER", "CEO"};

    public static void main(String[] args) throws Exception {
        if (args[0].equals("seed")) {
            seed(args[1], Integer.parseInt(args[2]));
        } else {
            int port = Integer.parseInt(args[1]);
            Path data = Path.of(args[2]);
            Files.deleteIfExists(data);
            boolean memory = args.length > 5 && args[5].equals("memory");
            MongoServer server = new MongoServer(memory ? new de.bwaldvogel.mongo.backend.memory.MemoryBackend() {
                @Override
                public de.bwaldvogel.mongo.bson.Document handleCommand(io.netty.channel.Channel channel, String database,
                        String command, de.bwaldvogel.mongo.bson.Document query) {
                    if ("hello".equals(command)) {
                        de.bwaldvogel.mongo.bson.Document reply = super.handleCommand(channel, database, "isMaster", query);
                        reply.put("isWritablePrimary", Boolean.TRUE);
                        return reply;
                    }
                    return super.handleCommand(channel, database, command, query);
                }
            } : new fi.ecosystem.local.DurableH2Backend(new org.h2.mvstore.MVStore.Builder().fileName(data.toString()).open()));
            server.bind("127.0.0.1", port);
            seed("mongodb://127.0.0.1:" + port + "/contacts", Integer.parseInt(args[3]));
            issueTokens(Integer.parseInt(args[4]), Path.of(args[2] + ".token"));
            System.out.println("store and issuer ready");
            Thread.currentThread().join();
        }
    }

    static void seed(String uri, int count) {
        Random random = new Random(42);
        try (MongoClient client = MongoClients.create(uri)) {
            var database = client.getDatabase(uri.replaceAll(".*/([^/?]+).*", "$1"));
            MongoCollection<Document> projects = database.getCollection("project_access");
            projects.deleteMany(new Document("_id", new Document("$regex", "^bench-")));
            List<Document> projectDocs = new ArrayList<>();
            for (int p = 0; p < 200; p++) {
                TreeSet<String> cities = new TreeSet<>();
                int size = 1 + random.nextInt(4);
                while (cities.size() < size) {
                    cities.add(CITIES[random.nextInt(CITIES.length)]);
                }
                projectDocs.add(new Document("_id", "bench-p" + p).append("name", new Document("fi", "Hanke " + p))
                        .append("status", "ACTIVE").append("cities", new ArrayList<>(cities)).append("eventTime", new Date()));
            }
            projects.insertMany(projectDocs);

            MongoCollection<Document> contacts = database.getCollection("contacts");
            removeEarlierRun(contacts, database.getCollection("contact_words"));
            long started = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)] + (i % 7 == 0 ? "-" + LAST[random.nextInt(LAST.length)] : "");
                String organisation = ORGANISATIONS[random.nextInt(ORGANISATIONS.length)];
                List<String> projectIds = new ArrayList<>(new TreeSet<>(List.of("bench-p" + random.nextInt(200),
                        "bench-p" + random.nextInt(200))));
                List<Document> roles = new ArrayList<>();
                if (random.nextInt(5) == 0) {
                    roles.add(new Document("projectId", projectIds.get(0)).append("role", ROLES[random.nextInt(ROLES.length)])
                            .append("source", "PROJECT").append("since", new Date()));
                }
                Date active = Date.from(Instant.now().minusSeconds(random.nextInt(3 * 365 * 86400)));
                String email = fold(first + "." + last).replace(' ', '-') + "." + i + "@example.org";
                // what each linked project supplied (docs/architecture.md): here the same details from each
                List<Document> entries = new ArrayList<>();
                for (String projectId : projectIds) {
                    entries.add(new Document("scope", projectId).append("firstName", first).append("lastName", last)
                            .append("title", "Asiantuntija").append("organisationName", organisation).append("email", email)
                            .append("language", "fi").append("via", "bench").append("at", active));
                }
                batch.add(new Document("_id", "bench-" + i)
                        .append("email", email)
                        .append("otherEmails", List.of())
                        .append("firstName", first).append("lastName", last).append("title", "Asiantuntija")
                        .append("organisationName", organisation).append("language", "fi")
                        .append("projectIds", projectIds).append("roles", roles)
                        .append("participatedIn", List.of()).append("consents", List.of())
                        .append("entries", entries).append("links", projectIds)
                        .append("nameKeys", List.of(String.join(" ", words(first + " " + last))))
                        .append("searchTokens", words(first + " " + last))
                        .append("organisationTokens", words(organisation))
                        .append("nameKey", String.join(" ", words(first + " " + last)))
                        .append("sortName", fold(last + " " + first))
                        .append("mergedFrom", List.of())
                        .append("createdAt", active).append("updatedAt", active).append("lastActivityAt", active)
                        .append("version", 0L).append("pendingEvents", List.of()));
                if (batch.size() == 5_000) {
                    contacts.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                contacts.insertMany(batch, new InsertManyOptions().ordered(false));
            }
            // the word index of contacts-service, written by its own code (ContactWordEntries) from the stored people
            MongoCollection<Document> words = database.getCollection("contact_words");
            List<Document> wordBatch = new ArrayList<>();
            try (var cursor = benchPeople(contacts)) {
                while (cursor.hasNext()) {
                    ContactWordEntries.of(cursor.next()).forEach((id, entry) -> wordBatch.add(new Document(entry).append("_id", id)));
                    if (wordBatch.size() >= 10_000) {
                        words.insertMany(wordBatch, new InsertManyOptions().ordered(false));
                        wordBatch.clear();
                    }
                }
            }
            if (!wordBatch.isEmpty()) {
                words.insertMany(wordBatch, new InsertManyOptions().ordered(false));
            }
            Document version = ContactWordEntries.versionEntry();
            words.replaceOne(new Document("_id", version.get("_id")), version, new ReplaceOptions().upsert(true));
            System.out.printf("seeded %,d people in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Removes the people of an earlier run and their word index entries, by id and a few thousand at a time: the
     * embedded store reads everything a delete matches into memory first.
     */
    static void removeEarlierRun(MongoCollection<Document> contacts, MongoCollection<Document> words) {
        List<String> people = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        try (var cursor = benchPeople(contacts)) {
            while (cursor.hasNext()) {
                Document person = cursor.next();
                people.add(person.getString("_id"));
                entries.addAll(ContactWordEntries.of(person).keySet());
            }
        }
        for (int from = 0; from < entries.size(); from += 5_000) {
            words.deleteMany(new Document("_id", new Document("$in", entries.subList(from, Math.min(entries.size(), from + 5_000)))));
        }
        for (int from = 0; from < people.size(); from += 2_000) {
            contacts.deleteMany(new Document("_id", new Document("$in", people.subList(from, Math.min(people.size(), from + 2_000)))));
        }
    }

    /** The synthetic people, with the fields their word index entries are made of. */
    static MongoCursor<Document> benchPeople(MongoCollection<Document> contacts) {
        Document fields = new Document();
        ContactWordEntries.FIELDS.forEach(field -> fields.append(field, 1));
        return contacts.find(new Document("_id", new Document("$regex", "^bench-"))).projection(fields).iterator();
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    static List<String> words(String text) {
        TreeSet<String> words = new TreeSet<>();
        for (String word : fold(text).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isBlank()) {
                words.add(word);
            }
        }
        return new ArrayList<>(words);
    }

    /** A JWKS endpoint where contacts-service expects Keycloak's, and an RS256 token it accepts. */
    static void issueTokens(int port, Path tokenFile) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent())) + "\"}]}";
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        http.createContext("/realms/ecosystem/protocol/openid-connect/certs", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"kid\":\"bench\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64(("{\"iss\":\"http://localhost:" + port + "/realms/ecosystem\",\"sub\":\"bench\",\"iat\":" + now
                + ",\"exp\":" + (now + 7200) + ",\"preferred_username\":\"service-account-helsinki-bi\",\"client_id\":\"helsinki-bi\","
                + "\"organization\":[\"helsinki\"],\"scope\":\"contacts:read\"}").getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        Files.writeString(tokenFile, header + "." + claims + "." + b64(signature.sign()));
    }

    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
