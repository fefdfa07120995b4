package org.proposalledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration a newcomer reads is the configuration the code has: every {@code ledger.*}
 * setting in the configuration metadata of every module (generated from the properties types, plus
 * each module's additional metadata) is listed exactly once — in README.md's Configuration table
 * or in a docs/*.md Settings table — and every setting listed there exists.
 */
class ConfigurationTableTest {

    static final Path ROOT = Path.of("..");

    /** A table row whose first cell is one setting in backticks. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z][a-z0-9.\\[\\]-]*)`\\s*\\|");
    /** A Settings heading naming the prefix of the relative names in its table: {@code (`ledger.x.*`)}. */
    private static final Pattern PREFIX = Pattern.compile("`(ledger\\.[a-z0-9.-]+\\.)\\*`");

    record Listed(String name, String where) {
    }

    @Test
    void everyLedgerSettingIsListedOnceAndEveryListedOneExists() throws IOException {
        Map<String, String> metadata = metadata();
        List<Listed> listed = new ArrayList<>(table(ROOT.resolve("README.md"), "## Configuration"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                listed.addAll(table(doc, "## Settings"));
            }
        }
        assertThat(listed).as("settings tables found").isNotEmpty();

        Map<String, List<String>> places = new TreeMap<>();
        listed.forEach(l -> places.computeIfAbsent(l.name(), n -> new ArrayList<>()).add(l.where()));
        assertThat(places.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::toString))
                .as("settings listed more than once").isEmpty();

        assertThat(places.keySet().stream().filter(n -> !metadata.containsKey(n)))
                .as("listed, but no module declares it").isEmpty();
        assertThat(metadata.keySet().stream().filter(n -> !places.containsKey(n)).map(n -> n + " (" + metadata.get(n) + ")"))
                .as("declared, but listed in no settings table").isEmpty();
    }

    @Test
    void theCheckSeesEveryModulesMetadata() throws IOException {
        Map<String, String> metadata = metadata();
        // one setting of each module that declares some
        assertThat(metadata).containsKeys("ledger.data-dir", "ledger.import.file", "ledger.rebuild.exit",
                "ledger.verify-all", "ledger.generate.proposals");
        metadata.forEach((name, description) -> assertThat(description).as(name).isNotBlank());
    }

    /** Every {@code ledger.*} property in every module's metadata, with its description. */
    static Map<String, String> metadata() throws IOException {
        Map<String, String> properties = new TreeMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String file : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : Collections.list(ConfigurationTableTest.class.getClassLoader().getResources(file))) {
                try (InputStream in = url.openStream()) {
                    mapper.readTree(in).path("properties").forEach(p -> {
                        String name = p.get("name").asText();
                        if (name.startsWith("ledger.")) {
                            properties.merge(name, p.path("description").asText(), (a, b) -> a.isBlank() ? b : a);
                        }
                    });
                }
            }
        }
        return properties;
    }

    /** The {@code ledger.*} rows of the tables in the sections of {@code file} whose heading starts with {@code heading}. */
    static List<Listed> table(Path file, String heading) throws IOException {
        List<Listed> rows = new ArrayList<>();
        boolean inSection = false;
        String prefix = "";
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                inSection = line.startsWith(heading);
                Matcher m = PREFIX.matcher(line);
                prefix = m.find() ? m.group(1) : "";
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (inSection && row.find()) {
                // a name without a dot is relative to the heading's prefix
                String name = row.group(1).contains(".") ? row.group(1) : prefix + row.group(1);
                if (name.startsWith("ledger.")) {
                    rows.add(new Listed(name, file.getFileName() + ":" + (i + 1)));
                }
            }
        }
        return rows;
    }

    @Test
    void theTableReaderReadsRelativeNamesUnderAPrefixedHeading(@TempDir Path dir)
            throws IOException {
        Path doc = dir.resolve("x.md");
        Files.writeString(doc, """
                ## Settings (`ledger.query.dead-letters.*`)

                | setting | default | meaning |
                |---|---|---|
                | `max-sequences` | `1024` | … |
                | `ledger.zone` | `Asia/Shanghai` | … |
                | `server.port` | `8080` | … |

                ## Limits

                | `ledger.data-dir` | … |
                """);
        assertThat(table(doc, "## Settings")).extracting(Listed::name)
                .containsExactly("ledger.query.dead-letters.max-sequences", "ledger.zone");
    }
}
