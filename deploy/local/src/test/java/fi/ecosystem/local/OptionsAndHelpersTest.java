package fi.ecosystem.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsAndHelpersTest {

    @TempDir
    Path tmp;

    @Test
    void onlySkipAndEnv() {
        Options o = Options.parse(new String[] {"--root=" + tmp, "--only=kafka,services", "--skip=web",
                "--env", "A=1", "--env=B=x=y", "--kafka-port=19092"});
        assertEquals(List.of("kafka", "gateway", "projects-service", "contacts-service", "events-service"),
                List.copyOf(o.components));
        assertEquals("1", o.env.get("A"));
        assertEquals("x=y", o.env.get("B"));
        assertEquals(19092, o.kafkaPort);
        assertEquals(tmp.resolve(".local-data"), o.data);
        assertEquals(tmp.resolve("deploy/keycloak"), o.realmDir);
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--only=postgres"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--bogus"}));
        assertEquals(0, o.storeThreads, "the store's threads: Netty's default unless asked");
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--store-threads=-1"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--store-threads=many"}));
    }

    @Test
    void servicesSendTheirSpansToTheStacksZipkinOrNowhereWhenItIsSkipped() {
        Options all = Options.parse(new String[] {"--root=" + tmp, "--zipkin-port=19411"});
        assertTrue(all.starts("zipkin"));
        MongoStore store = new MongoStore(all, null);
        assertEquals("http://localhost:19411/api/v2/spans", Services.environment("web", all, store).get("ZIPKIN_ENDPOINT"));
        assertEquals("true", Services.environment("web", all, store).get("TRACING_EXPORT_ENABLED"));
        Options without = Options.parse(new String[] {"--root=" + tmp, "--skip=zipkin"});
        assertEquals(false, without.starts("zipkin"));
        assertEquals("false", Services.environment("gateway", without, new MongoStore(without, null)).get("TRACING_EXPORT_ENABLED"));
    }

    @Test
    void theServicesJvmOptionsAreTheMeasuredDefaultsReplacedOrAddedTo() {
        List<String> defaults = new java.util.ArrayList<>(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m"));
        defaults.addAll(ChildProcess.trimNativeHeap());
        assertEquals(defaults, Services.jvmOptions("projects-service", null, " "));
        List<String> c1 = new java.util.ArrayList<>(defaults);
        c1.add("-XX:TieredStopAtLevel=1");
        assertEquals(c1, Services.jvmOptions("gateway", null, null));
        assertEquals(c1, Services.jvmOptions("events-service", null, null));
        assertEquals(c1, Services.jvmOptions("contacts-service", "", ""));
        assertEquals(c1, Services.jvmOptions("web", null, null));
        defaults.add("-XX:TieredStopAtLevel=1");
        assertEquals(defaults, Services.jvmOptions("projects-service", "", " -XX:TieredStopAtLevel=1 "));
        assertEquals(List.of("-Xmx512m", "-XX:+UseG1GC", "-Dx=1"), Services.jvmOptions("events-service", " -Xmx512m  -XX:+UseG1GC", "-Dx=1"));
    }

    @Test
    void theChildrensJdkAcceptsTheNativeHeapTrimItIsGiven() throws Exception {
        List<String> trim = ChildProcess.trimNativeHeap();
        Runtime.Version v = Runtime.version();
        if (v.feature() >= 22 || (v.feature() == 17 && v.update() >= 9) || (v.feature() == 21 && v.update() >= 1)) {
            assertEquals(List.of("-XX:TrimNativeHeapInterval=5000"), trim);
        }
        List<String> cmd = new java.util.ArrayList<>(List.of(ChildProcess.javaExecutable()));
        cmd.addAll(trim);
        cmd.add("-version");
        Process jvm = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, jvm.waitFor(), output);
    }

    @Test
    void servicesGetTheirOwnDatabaseInTheUri() {
        assertEquals("mongodb://localhost:27017/projects", MongoStore.withDatabase("mongodb://localhost:27017", "projects"));
        assertEquals("mongodb://u:p@a:1,b:2/events?replicaSet=rs0",
                MongoStore.withDatabase("mongodb://u:p@a:1,b:2/admin?replicaSet=rs0", "events"));
        assertEquals("mongodb+srv://u:***@cluster.example/x", MongoStore.redact("mongodb+srv://u:secret@cluster.example/x"));
    }

    @Test
    void demoLoginsFromReadmeTableOrRealmJson() throws Exception {
        Files.writeString(tmp.resolve("README.md"), """
                # Realm
                | file | realm |
                |---|---|
                | `x.json` | `x` |

                | username | city / organisation | realm roles | locale |
                |---|---|---|---|
                | `aino.virtanen` | helsinki | staff, project-manager | fi |
                | `sanna.makela` | espoo (realm `espoo`, via `espoo-sso`) | staff | fi |
                """);
        List<DemoLogins.Login> logins = DemoLogins.read(tmp);
        assertEquals(List.of(new DemoLogins.Login("aino.virtanen", "demo", "helsinki", "staff, project-manager"),
                new DemoLogins.Login("sanna.makela", "demo", "espoo (realm espoo, via espoo-sso)", "staff")), logins);

        Files.delete(tmp.resolve("README.md"));
        Files.writeString(tmp.resolve("ecosystem-realm.json"), """
                {"realm": "ecosystem",
                 "users": [{"username": "anna", "realmRoles": ["staff", "default-roles-ecosystem"],
                            "credentials": [{"type": "password", "value": "demo"}]},
                           {"username": "service-account-bi"}],
                 "organizations": [{"name": "Vantaa", "members": [{"username": "anna"}]}]}
                """);
        assertEquals(List.of(new DemoLogins.Login("anna", "demo", "Vantaa", "staff")), DemoLogins.read(tmp));
    }

    @Test
    void sampleKeepsFirstCityAndBrokeredUsers() {
        List<DemoLogins.Login> all = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(new DemoLogins.Login("h" + i, "demo", "helsinki", "staff"));
        }
        for (int i = 0; i < 20; i++) {
            all.add(new DemoLogins.Login("c" + i, "demo", "city" + i, "staff"));
        }
        all.add(new DemoLogins.Login("s", "demo", "espoo (realm espoo, via espoo-sso)", "staff"));
        List<DemoLogins.Login> sample = DemoLogins.sample(all, 12);
        assertEquals(12, sample.size());
        assertEquals("h0", sample.get(0).username());
        assertTrue(sample.stream().anyMatch(l -> l.username().equals("s")));
    }
}
