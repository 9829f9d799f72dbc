package fi.ecosystem.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Command line options of the launcher. */
final class Options {

    static final List<String> INFRASTRUCTURE = List.of("kafka", "mongo", "keycloak", "smtp", "zipkin");

    Path root;
    Path data;
    Path realmDir;
    boolean wipe;
    boolean wipeOnly;
    boolean help;
    boolean testControls;
    /** components to start: kafka, mongo, keycloak, smtp and/or service names */
    final Set<String> components = new LinkedHashSet<>();
    final Set<String> skip = new LinkedHashSet<>();
    final Map<String, String> env = new LinkedHashMap<>();
    int kafkaPort = 9092;
    int kafkaControllerPort = 9093;
    int mongoPort = 27017;
    int keycloakPort = 8180;
    int smtpPort = 3025;
    int imapPort = 3143;
    int consolePort = 8025;
    int zipkinPort = 9411;
    /** The embedded store's threads handling commands (0: Netty's default, two per core). */
    int storeThreads = 0;

    static Options parse(String[] args) {
        Options o = new Options();
        Set<String> only = null;
        Path root = null;
        Path data = null;
        Path realmDir = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> o.help = true;
                case "--wipe" -> o.wipe = true;
                case "--wipe-only" -> o.wipeOnly = true;
                case "--test-controls" -> o.testControls = true;
                case "--root" -> root = Path.of(require(name, value));
                case "--data" -> data = Path.of(require(name, value));
                case "--realm-dir" -> realmDir = Path.of(require(name, value));
                case "--only" -> {
                    only = new LinkedHashSet<>();
                    for (String c : split(require(name, value))) {
                        only.add(c);
                    }
                }
                case "--skip" -> o.skip.addAll(split(require(name, value)));
                case "--env" -> {
                    String kv = value;
                    if (kv == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--env needs KEY=VALUE");
                        }
                        kv = args[++i];
                    }
                    int e = kv.indexOf('=');
                    if (e <= 0) {
                        throw new IllegalArgumentException("--env needs KEY=VALUE, got: " + kv);
                    }
                    o.env.put(kv.substring(0, e), kv.substring(e + 1));
                }
                case "--kafka-port" -> o.kafkaPort = port(name, value);
                case "--kafka-controller-port" -> o.kafkaControllerPort = port(name, value);
                case "--mongo-port" -> o.mongoPort = port(name, value);
                case "--keycloak-port" -> o.keycloakPort = port(name, value);
                case "--smtp-port" -> o.smtpPort = port(name, value);
                case "--imap-port" -> o.imapPort = port(name, value);
                case "--console-port" -> o.consolePort = port(name, value);
                case "--zipkin-port" -> o.zipkinPort = port(name, value);
                case "--store-threads" -> o.storeThreads = threads(name, value);
                default -> throw new IllegalArgumentException("unknown option: " + arg + " (see --help)");
            }
        }
        o.root = (root != null ? root : Path.of("")).toAbsolutePath().normalize();
        o.data = (data != null ? o.root.resolve(data) : o.root.resolve(".local-data")).toAbsolutePath().normalize();
        o.realmDir = (realmDir != null ? o.root.resolve(realmDir) : o.root.resolve("deploy/keycloak")).toAbsolutePath().normalize();

        Set<String> known = new LinkedHashSet<>(INFRASTRUCTURE);
        known.add("services");
        known.addAll(Services.NAMES);
        if (only == null) {
            o.components.addAll(INFRASTRUCTURE);
            o.components.addAll(Services.NAMES);
        } else {
            for (String c : only) {
                if (!known.contains(c)) {
                    throw new IllegalArgumentException("--only: unknown component '" + c + "', known: " + known);
                }
                if (c.equals("services")) {
                    o.components.addAll(Services.NAMES);
                } else {
                    o.components.add(c);
                }
            }
        }
        for (String s : o.skip) {
            if (!known.contains(s)) {
                throw new IllegalArgumentException("--skip: unknown component '" + s + "', known: " + known);
            }
            if (s.equals("services")) {
                Services.NAMES.forEach(o.components::remove);
            } else {
                o.components.remove(s);
            }
        }
        return o;
    }

    boolean starts(String component) {
        return components.contains(component);
    }

    List<String> services() {
        List<String> list = new ArrayList<>();
        for (String s : Services.NAMES) {
            if (components.contains(s)) {
                list.add(s);
            }
        }
        return list;
    }

    private static List<String> split(String value) {
        List<String> list = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (!p.isEmpty()) {
                list.add(p);
            }
        }
        return list;
    }

    private static String require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
        }
        return value;
    }

    private static int port(String name, String value) {
        return within(name, value, 1, 65535, "a port");
    }

    private static int threads(String name, String value) {
        return within(name, value, 0, 256, "a number of threads (0-256)");
    }

    private static int within(String name, String value, int least, int most, String what) {
        try {
            int n = Integer.parseInt(require(name, value));
            if (n < least || n > most) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not " + what + ": " + value);
        }
    }

    static final String HELP = """
            Usage: java -jar deploy/local/target/local-stack.jar [options]     (or ./run-local.sh [options])

            Starts the local stack, each part health-checked before the next:
              kafka (KRaft broker, child process) -> mongo (embedded wire-protocol store, file backed)
              -> keycloak (child process, realm import) -> smtp (GreenMail + mail viewer)
              -> services (gateway, projects-service, contacts-service, events-service, web; in parallel)
                 and beside them zipkin (trace collector and viewer, child process)
            A service that exits is started again (after 1 s, then longer while it keeps failing, up to 30 s).
            Ctrl-C stops everything in reverse order.

            Options:
              --root=DIR              repository root (default: current directory)
              --data=DIR              data folder (default: <root>/.local-data)
              --realm-dir=DIR         folder with the Keycloak realm *.json files (default: <root>/deploy/keycloak)
              --only=LIST             start only these, comma separated: kafka,mongo,keycloak,smtp,zipkin,services
                                      or single service names (e.g. --only=kafka,mongo)
              --skip=LIST             do not start these (e.g. --skip=web)
              --env KEY=VALUE         extra environment variable for the services (repeatable; --env=K=V works too)
              --wipe                  delete the data folder (incl. Keycloak's database) first, then start
              --wipe-only             delete the data folder and exit
              --test-controls         enable POST /stack/kafka/stop, /stack/kafka/start and /stack/services/NAME/kill
                                      (kill -9 a service, which the stack then restarts) on the console port
              --kafka-port=N          Kafka PLAINTEXT port (default 9092)
              --kafka-controller-port=N  KRaft controller port (default 9093)
              --mongo-port=N          MongoDB port (default 27017)
              --keycloak-port=N       Keycloak HTTP port (default 8180)
              --smtp-port=N           SMTP port (default 3025); IMAP: --imap-port=N (default 3143)
              --console-port=N        stack console and mail viewer port (default 8025)
              --zipkin-port=N         Zipkin (traces: collector, UI and API) port (default 9411)
              --store-threads=N       threads of the embedded store handling commands (default 0: two per core)
              -h, --help              this help

            Environment: MONGODB_URI set -> no embedded store; the services get that MongoDB.
            """;
}
