package fi.ecosystem.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo logins to print: from a markdown table in {@code deploy/keycloak/README.md} with columns
 * username / city / roles (password column optional), else from the users in the realm JSON files.
 */
final class DemoLogins {

    record Login(String username, String password, String city, String roles) {
    }

    private DemoLogins() {
    }

    static List<Login> read(Path realmDir) {
        List<Login> fromReadme = fromReadme(realmDir.resolve("README.md"));
        if (!fromReadme.isEmpty()) {
            return fromReadme;
        }
        return fromRealms(realmDir);
    }

    static List<Login> fromReadme(Path readme) {
        List<Login> logins = new ArrayList<>();
        if (!Files.isRegularFile(readme)) {
            return logins;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            return logins;
        }
        for (int i = 0; i + 1 < lines.size(); i++) {
            List<String> header = cells(lines.get(i));
            if (header.isEmpty() || !lines.get(i + 1).trim().matches("\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?")) {
                continue;
            }
            int user = column(header, "user", "login");
            int city = column(header, "city", "organisation", "organization");
            int roles = column(header, "role");
            int password = column(header, "password");
            if (user < 0 || city < 0 || roles < 0) {
                continue;
            }
            for (int j = i + 2; j < lines.size() && lines.get(j).trim().startsWith("|"); j++) {
                List<String> row = cells(lines.get(j));
                String name = clean(get(row, user));
                if (name.isEmpty()) {
                    continue;
                }
                String pw = password >= 0 ? clean(get(row, password)) : "";
                logins.add(new Login(name, pw.isEmpty() ? "demo" : pw, clean(get(row, city)), clean(get(row, roles))));
            }
            if (!logins.isEmpty()) {
                return logins;
            }
        }
        return logins;
    }

    static List<Login> fromRealms(Path realmDir) {
        List<Login> logins = new ArrayList<>();
        if (!Files.isDirectory(realmDir)) {
            return logins;
        }
        ObjectMapper mapper = new ObjectMapper();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(realmDir, "*.json")) {
            for (Path file : files) {
                JsonNode realm;
                try {
                    realm = mapper.readTree(file.toFile());
                } catch (IOException e) {
                    continue;
                }
                Map<String, String> orgOfUser = new LinkedHashMap<>();
                for (JsonNode org : realm.path("organizations")) {
                    String orgName = org.path("name").asText(org.path("alias").asText(""));
                    for (JsonNode member : org.path("members")) {
                        orgOfUser.merge(member.path("username").asText(), orgName, (a, b) -> a + ", " + b);
                    }
                }
                boolean otherRealm = !KeycloakServer.REALM.equals(realm.path("realm").asText());
                for (JsonNode u : realm.path("users")) {
                    String username = u.path("username").asText("");
                    if (username.isEmpty() || username.startsWith("service-account-")) {
                        continue;
                    }
                    String city = orgOfUser.getOrDefault(username, "");
                    if (city.isEmpty()) {
                        JsonNode attr = u.path("attributes").path("city");
                        city = attr.isArray() && !attr.isEmpty() ? attr.get(0).asText() : attr.asText("");
                    }
                    if (otherRealm) {
                        city = (city.isEmpty() ? "" : city + " ") + "(IdP realm " + realm.path("realm").asText() + ")";
                    }
                    List<String> roles = new ArrayList<>();
                    for (JsonNode r : u.path("realmRoles")) {
                        String role = r.asText();
                        if (!role.startsWith("default-roles-") && !role.equals("offline_access") && !role.equals("uma_authorization")) {
                            roles.add(role);
                        }
                    }
                    String password = "demo";
                    for (JsonNode c : u.path("credentials")) {
                        if ("password".equals(c.path("type").asText()) && c.hasNonNull("value")) {
                            password = c.path("value").asText();
                        }
                    }
                    logins.add(new Login(username, password, city, String.join(", ", roles)));
                }
            }
        } catch (IOException e) {
            // no logins to show
        }
        return logins;
    }

    private static List<String> cells(String line) {
        String t = line.trim();
        if (!t.startsWith("|")) {
            return List.of();
        }
        t = t.substring(1);
        if (t.endsWith("|")) {
            t = t.substring(0, t.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String c : t.split("\\|", -1)) {
            cells.add(c.trim());
        }
        return cells;
    }

    /** The first column whose header contains one of the words. */
    private static int column(List<String> header, String... words) {
        for (String w : words) {
            for (int i = 0; i < header.size(); i++) {
                if (clean(header.get(i)).toLowerCase(Locale.ROOT).contains(w)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * At most {@code max} logins that show the variety: every user of the first city (all its roles), then one
     * user per other city, brokered ones (city note mentions a realm or "via") first.
     */
    static List<Login> sample(List<Login> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        Map<String, List<Login>> byCity = new LinkedHashMap<>();
        for (Login l : all) {
            byCity.computeIfAbsent(l.city(), c -> new ArrayList<>()).add(l);
        }
        List<Login> picked = new ArrayList<>();
        List<List<Login>> cities = new ArrayList<>(byCity.values());
        for (Login l : cities.get(0)) {
            if (picked.size() < max) {
                picked.add(l);
            }
        }
        List<Login> firsts = new ArrayList<>();
        for (List<Login> c : cities.subList(1, cities.size())) {
            firsts.add(c.get(0));
        }
        firsts.sort(java.util.Comparator.comparing(l -> brokered(l) ? 0 : 1));
        for (Login l : firsts) {
            if (picked.size() < max) {
                picked.add(l);
            }
        }
        return picked;
    }

    private static boolean brokered(Login l) {
        String c = l.city().toLowerCase(Locale.ROOT);
        return c.contains("via ") || c.contains("realm");
    }

    private static String get(List<String> row, int i) {
        return i < row.size() ? row.get(i) : "";
    }

    private static String clean(String cell) {
        return cell.replace("`", "").replace("**", "").trim();
    }
}
