package app.chat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md's settings table, microprofile-config.properties, the code and broker.xml name the same
 * settings with the same defaults. A key written only as a comment in the properties file
 * ({@code # chat.db.class= (derived …)}) is there, with a default the code derives. The code reads
 * settings only in its typed holders ({@code *Settings.java}, one per feature), which state no defaults.
 */
class ConfigurationKeysTest {

    private static final Path README = Path.of("README.md");
    private static final Path PROPERTIES = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path BROKER_XML = Path.of("artemis-config/broker.xml");

    private static final Pattern BACKTICKED = Pattern.compile("`([^`]*)`");
    private static final Pattern COMMENTED_KEY = Pattern.compile("^#\\s*(chat\\.[a-z0-9.-]+)=", Pattern.MULTILINE);
    private static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "@ConfigProperty\\(\\s*name\\s*=\\s*\"(chat\\.[^\"]+)\"(?:\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\")?");
    private static final Pattern CONFIG_LOOKUP = Pattern.compile("\\.get(?:Optional)?Values?\\(\\s*\"(chat\\.[^\"]+)\"");
    private static final Pattern READS_CONFIG = Pattern.compile("org\\.eclipse\\.microprofile\\.config|@ConfigProperty");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(chat\\.[^}:]+)(?::([^}]*))?}");

    @Test
    void everyDocumentedSettingIsInThePropertiesFile() throws IOException {
        assertNothingMissing("documented in README.md but not in " + PROPERTIES, readmeDefaults().keySet(), propertiesKeys());
    }

    @Test
    void everySettingInThePropertiesFileIsDocumented() throws IOException {
        assertNothingMissing("in " + PROPERTIES + " but not in README.md's table", propertiesKeys(), readmeDefaults().keySet());
    }

    @Test
    void everySettingTheCodeReadsIsInThePropertiesFile() throws IOException {
        assertNothingMissing("read in src/main/java but not in " + PROPERTIES, codeDefaults().keySet(), propertiesKeys());
    }

    @Test
    void everySettingBrokerXmlReadsIsInThePropertiesFile() throws IOException {
        assertNothingMissing("a placeholder in " + BROKER_XML + " but not in " + PROPERTIES, brokerXmlDefaults().keySet(), propertiesKeys());
    }

    @Test
    void settingsAreReadOnlyInTheSettingsHolders() throws IOException {
        List<String> readers = new ArrayList<>();
        for (Path file : sources()) {
            if (!isSettingsHolder(file) && READS_CONFIG.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
                readers.add(file.toString());
            }
        }
        assertEquals(List.of(), readers, "read MicroProfile Config outside a *Settings holder");
    }

    @Test
    void theCodeStatesNoDefaults() throws IOException {
        Map<String, String> stated = new TreeMap<>();
        for (Path file : sources()) {
            Matcher annotated = CONFIG_PROPERTY.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (annotated.find()) {
                if (annotated.group(2) != null) {
                    stated.put(annotated.group(1), file + " says '" + annotated.group(2) + "'");
                }
            }
        }
        assertEquals(Map.of(), stated, "defaults belong in " + PROPERTIES + " only");
    }

    @Test
    void readmeStatesTheDefaultsOfThePropertiesFile() throws IOException {
        assertSameDefaults("README.md", readmeDefaults());
    }

    @Test
    void codeFallsBackToTheDefaultsOfThePropertiesFile() throws IOException {
        assertSameDefaults("a @ConfigProperty defaultValue", codeDefaults());
    }

    @Test
    void brokerXmlFallsBackToTheDefaultsOfThePropertiesFile() throws IOException {
        assertSameDefaults(BROKER_XML.toString(), brokerXmlDefaults());
    }

    private static void assertNothingMissing(String what, Set<String> keys, Set<String> in) {
        var missing = new TreeSet<>(keys);
        missing.removeAll(in);
        assertTrue(missing.isEmpty(), what + ": " + missing);
    }

    /** @param defaults key to default, null where the source states none (or none comparable) */
    private static void assertSameDefaults(String source, Map<String, String> defaults) throws IOException {
        Properties properties = properties();
        Map<String, String> differing = new TreeMap<>();
        defaults.forEach((key, value) -> {
            if (value != null && properties.containsKey(key) && !value.equals(properties.getProperty(key))) {
                differing.put(key, source + " says '" + value + "', the properties file '" + properties.getProperty(key) + "'");
            }
        });
        assertEquals(Map.of(), differing);
    }

    /**
     * The keys of README.md's table under "## Configuration" with their defaults where the default
     * cell is nothing but backticked values. A cell may name several keys, "`a` / `b`", and "`…c`"
     * means c in the namespace of the key before it.
     */
    private static Map<String, String> readmeDefaults() throws IOException {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String row : configurationRows()) {
            String[] cells = row.split("\\|");
            List<String> keys = keysOf(cells[1]);
            List<String> values = valuesOf(cells[2]);
            for (int i = 0; i < keys.size(); i++) {
                defaults.put(keys.get(i), values.size() == keys.size() ? values.get(i) : null);
            }
        }
        assertTrue(defaults.size() > 20, "README.md's configuration table looks unreadable: " + defaults.keySet());
        return defaults;
    }

    private static List<String> configurationRows() throws IOException {
        List<String> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Configuration");
            } else if (inSection && line.startsWith("| `chat.")) {
                rows.add(line);
            }
        }
        return rows;
    }

    private static List<String> keysOf(String cell) {
        List<String> keys = new ArrayList<>();
        Matcher m = BACKTICKED.matcher(cell);
        while (m.find()) {
            String key = m.group(1);
            if (key.startsWith("…")) {
                String previous = keys.get(keys.size() - 1);
                key = previous.substring(0, previous.lastIndexOf('.') + 1) + key.substring(1);
            }
            assertTrue(key.matches("chat\\.[a-z0-9.-]+"), "not a setting's name in README.md: " + cell);
            keys.add(key);
        }
        return keys;
    }

    /** The cell's backticked values, or none when it has anything else, e.g. "(any)" or "from the URL". */
    private static List<String> valuesOf(String cell) {
        List<String> values = new ArrayList<>();
        for (String part : cell.strip().split(" / ")) {
            Matcher m = BACKTICKED.matcher(part.strip());
            if (!m.matches()) {
                return List.of();
            }
            values.add(m.group(1));
        }
        return values;
    }

    private static Set<String> propertiesKeys() throws IOException {
        Set<String> keys = new TreeSet<>(properties().stringPropertyNames());
        Matcher m = COMMENTED_KEY.matcher(Files.readString(PROPERTIES, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static Properties properties() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(PROPERTIES, StandardCharsets.ISO_8859_1)));
        return properties;
    }

    /** The settings the holders read (where the code reads settings, see settingsAreReadOnlyInTheSettingsHolders). */
    private static Map<String, String> codeDefaults() throws IOException {
        Map<String, String> defaults = new TreeMap<>();
        for (Path file : sources()) {
            if (!isSettingsHolder(file)) {
                continue;
            }
            String source = Files.readString(file, StandardCharsets.UTF_8);
            Matcher annotated = CONFIG_PROPERTY.matcher(source);
            while (annotated.find()) {
                defaults.merge(annotated.group(1), nullToEmpty(annotated.group(2)), ConfigurationKeysTest::stated);
            }
            Matcher looked = CONFIG_LOOKUP.matcher(source);
            while (looked.find()) {
                defaults.putIfAbsent(looked.group(1), "");
            }
        }
        assertTrue(defaults.size() > 20, "found too few settings read in " + SOURCES + ": " + defaults.keySet());
        defaults.replaceAll((key, value) -> value.isEmpty() ? null : value);
        return defaults;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static boolean isSettingsHolder(Path file) {
        return file.getFileName().toString().endsWith("Settings.java");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String stated(String a, String b) {
        return a.isEmpty() ? b : a;
    }

    private static Map<String, String> brokerXmlDefaults() throws IOException {
        Map<String, String> defaults = new TreeMap<>();
        Matcher m = PLACEHOLDER.matcher(Files.readString(BROKER_XML, StandardCharsets.UTF_8));
        while (m.find()) {
            defaults.put(m.group(1), m.group(2));
        }
        return defaults;
    }
}
