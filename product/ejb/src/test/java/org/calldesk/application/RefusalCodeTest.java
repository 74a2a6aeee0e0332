package org.calldesk.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.calldesk.domain.shared.TransitionRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefusalCodeTest {

    /**
     * The domain names its refusals by code without knowing the application ({@link TransitionRefused}
     * holds a string); each must be a {@link RefusalCode}, or a refused transition would fail as an
     * error of ours instead of a refusal.
     */
    @Test
    void everyCodeTheDomainRefusesWithIsARefusalCode() throws IOException {
        Pattern refusal = Pattern.compile("new TransitionRefused\\(\\s*\"([A-Z_]+)\"");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/calldesk/domain"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher found = refusal.matcher(Files.readString(source));
                while (found.find()) {
                    codes.add(found.group(1));
                }
            }
        }
        assertThat(codes).as("the domain's refusal codes").contains("AGENT_NOT_READY", "CALL_NOT_OFFERED");
        for (String code : codes) {
            assertThat(RefusalCode.valueOf(code).name()).isEqualTo(code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "call", "service", "sending number", "ticket", "API key"})
    void whatIsNotFoundHasItsCode(String what) {
        RequestRefused refused = RequestRefused.notFound(what, "x");

        assertThat(refused.kind()).isEqualTo(RequestRefused.Kind.NOT_FOUND);
        assertThat(refused.code()).isEqualTo("UNKNOWN_" + what.toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
        assertThat(refused.getMessage()).isEqualTo("no " + what + " 'x'");
    }

    @Test
    void theWireCodeIsTheEnumsName() {
        RequestRefused refused = new RequestRefused(RequestRefused.Kind.CONFLICT, RefusalCode.NO_TRANSFER_TRY, "none");

        assertThat(refused.code()).isEqualTo("NO_TRANSFER_TRY");
        assertThat(refused.refusal()).isEqualTo(RefusalCode.NO_TRANSFER_TRY);
    }
}
