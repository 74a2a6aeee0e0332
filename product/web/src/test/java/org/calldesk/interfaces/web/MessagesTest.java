package org.calldesk.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.calldesk.domain.model.agent.AgentStatus;
import org.calldesk.domain.model.agent.BusinessReason;
import org.calldesk.domain.model.call.CallDirection;
import org.calldesk.domain.model.call.CallStatus;
import org.calldesk.domain.model.ticket.TicketEntryKind;
import org.calldesk.domain.model.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

/** The console's resource bundle: English and German say the same things, and every word asked for is there. */
class MessagesTest {

    private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([^']+)'\\]");
    private static final Pattern JAVA_CALL = Pattern.compile("Messages\\.(?:text|find)\\(([^;]*)");
    private static final Pattern LITERAL = Pattern.compile("\"([a-zA-Z]+\\.[a-zA-Z_]+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    private final Properties english = load("messages.properties");
    private final Properties german = load("messages_de.properties");

    @Test
    void englishAndGermanHaveTheSameKeysEachWithAText() {
        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        Stream.of(english, german).forEach(bundle -> bundle.stringPropertyNames()
                .forEach(key -> assertThat(bundle.getProperty(key)).as(key).isNotBlank()));
        assertThat(load("messages_en.properties")).as("English is the base bundle").isEmpty();
    }

    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String file : List.of("messages.properties", "messages_de.properties")) {
            List<String> keys = Files.readAllLines(resources().resolve(file)).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.substring(0, line.indexOf('='))).toList();
            assertThat(keys).as(file).doesNotHaveDuplicates();
        }
    }

    @Test
    void everyKeyThePagesUseExists() throws IOException {
        Set<String> used = keysIn(Path.of("src/main/webapp"), ".xhtml", PAGE_KEY);
        assertThat(used).isNotEmpty();
        assertThat(english.stringPropertyNames()).containsAll(used);
    }

    @Test
    void everyKeyTheJavaCodeAsksForExists() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String call : keysIn(Path.of("src/main/java"), ".java", JAVA_CALL)) {
            Matcher literal = LITERAL.matcher(call);
            while (literal.find()) {
                used.add(literal.group(1));
            }
        }
        assertThat(used).contains("cti.loginRefused", "finish.summary", "feedback.conflict");
        assertThat(english.stringPropertyNames()).containsAll(used);
    }

    @Test
    void everyValueShownInWordsHasAWord() {
        List<String> keys = new ArrayList<>();
        Stream.of(AgentStatus.values()).forEach(v -> keys.add("agentStatus." + v.name()));
        Stream.of(BusinessReason.values()).forEach(v -> keys.add("businessReason." + v.name()));
        Stream.of(CallStatus.values()).forEach(v -> keys.add("callStatus." + v.name()));
        Stream.of(CallDirection.values()).forEach(v -> keys.add("callDirection." + v.name()));
        Stream.of(TicketStatus.values()).forEach(v -> keys.add("ticketStatus." + v.name()));
        Stream.of(TicketEntryKind.values()).forEach(v -> keys.add("ticketEntry." + v.name()));
        assertThat(english.stringPropertyNames()).containsAll(keys);
    }

    @Test
    void aPatternTakesTheSameArgumentsInBothLanguages() {
        for (String key : english.stringPropertyNames()) {
            Set<String> englishArguments = arguments(english.getProperty(key));
            assertThat(arguments(german.getProperty(key))).as(key).isEqualTo(englishArguments);
            if (!englishArguments.isEmpty()) {
                new MessageFormat(english.getProperty(key), Locale.ENGLISH);
                new MessageFormat(german.getProperty(key), Locale.GERMAN);
            }
        }
    }

    @Test
    void theConsoleIsEnglishUnlessGermanIsAskedForEvenOnAGermanServer() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(Messages.text(Locale.ENGLISH, "agentStatus.READY")).isEqualTo("Ready");
            assertThat(Messages.text(Locale.GERMAN, "agentStatus.READY")).isEqualTo("Bereit");
            assertThat(Messages.text(Locale.ENGLISH, "finish.summary", "0311112222", "Customer hung up"))
                    .isEqualTo("0311112222: Customer hung up.");
            assertThat(Messages.text(Locale.GERMAN, "finish.transferredTo", "Bob Agent"))
                    .isEqualTo("Weitergeleitet an Bob Agent");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void valuesReadAsTheConsoleAlwaysShowedThem() {
        assertThat(Formats.word(Locale.ENGLISH, "agentStatus.", "LOGGED_OUT")).isEqualTo("Logged out");
        assertThat(Formats.word(Locale.ENGLISH, "agentStatus.", "AFTER_CALL")).isEqualTo("After call");
        assertThat(Formats.word(Locale.ENGLISH, "businessReason.", "MEETING")).isEqualTo("Meeting");
        assertThat(Formats.word(Locale.ENGLISH, "callStatus.", "CONSULTING")).isEqualTo("Transfer try");
        assertThat(Formats.word(Locale.ENGLISH, "endCause.", "DISCONNECTED"))
                .isEqualTo("Disconnected with the warning announcement");
        assertThat(Formats.word(Locale.ENGLISH, "ticketEntry.", "PENDING")).isEqualTo("Set to Pending");
        assertThat(Formats.word(Locale.GERMAN, "ticketStatus.", "RESOLVED")).isEqualTo("Erledigt");
        assertThat(Formats.word(Locale.GERMAN, "endCause.", "SOMETHING_NEW")).as("a cause without a word yet")
                .isEqualTo("Something new");
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher argument = ARGUMENT.matcher(pattern);
        while (argument.find()) {
            found.add(argument.group(1));
        }
        return found;
    }

    private static Set<String> keysIn(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }

    private static Path resources() {
        return Path.of("src/main/resources/org/calldesk/interfaces/web");
    }

    private static Properties load(String file) {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
