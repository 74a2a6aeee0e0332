package org.calldesk.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.calldesk.application.RequestRefused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonObjectBodyReaderTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAnObject() {
        assertThat(JsonObjectBodyReader.read(bytes("{\"status\":\"READY\",\"tags\":[\"a\"]}")).getString("status"))
                .isEqualTo("READY");
    }

    @Test
    void anEmptyBodyIsNoBody() {
        assertThat(JsonObjectBodyReader.read(bytes(" \n"))).isNull();
        assertThat(JsonObjectBodyReader.read(new byte[0])).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "\"x\"", "42", "true", "{\"a\":", "not json", "{}{}"})
    void anythingButOneObjectIsBadInput(String body) {
        assertThatThrownBy(() -> JsonObjectBodyReader.read(bytes(body)))
                .isInstanceOfSatisfying(RequestRefused.class, e -> assertThat(e.code()).isEqualTo("BAD_INPUT"));
    }

    @Test
    void aDeeplyNestedBodyIsRefusedBeforeParsing() {
        String deep = "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertThatThrownBy(() -> JsonObjectBodyReader.read(bytes(deep)))
                .isInstanceOfSatisfying(RequestRefused.class, e -> assertThat(e.getMessage()).contains("deeper"));
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        String body = "{\"comment\":\"" + "[{".repeat(100) + "\\\"" + "\"}";
        assertThat(JsonObjectBodyReader.depth(bytes(body))).isEqualTo(1);
        assertThat(JsonObjectBodyReader.read(bytes(body)).getString("comment")).startsWith("[{[{");
    }

    @Test
    void aHugeBodyIsRefused() {
        byte[] huge = new byte[JsonObjectBodyReader.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertThatThrownBy(() -> JsonObjectBodyReader.read(huge)).isInstanceOf(RequestRefused.class);
    }
}
