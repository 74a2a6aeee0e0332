package org.calldesk.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.calldesk.contract.resource.ServiceBody;
import org.junit.jupiter.api.Test;

/** The REST answers are the contract's records written by their own mapping, alone or in a list. */
class JsonBodyWriterTest {

    private static final ServiceBody SUPPORT = new ServiceBody("support", "Support", "bye", 15, true,
            Set.of("1588"), Set.of());
    private final JsonBodyWriter writer = new JsonBodyWriter();

    // the generic return types JAX-RS hands the writer
    List<ServiceBody> services() {
        return List.of();
    }

    List<String> numbers() {
        return List.of();
    }

    @Test
    void writesARecordWithItsOwnMapping() throws IOException {
        assertThat(writer.isWriteable(ServiceBody.class, ServiceBody.class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(write(SUPPORT, ServiceBody.class)).isEqualTo(SUPPORT.toJson().toString());
    }

    @Test
    void writesAListOfRecordsAsAnArrayOfTheirMappings() throws Exception {
        Type listOfServices = getClass().getDeclaredMethod("services").getGenericReturnType();
        assertThat(writer.isWriteable(List.class, listOfServices, new Annotation[0], MediaType.APPLICATION_JSON_TYPE))
                .isTrue();
        assertThat(write(List.of(SUPPORT, SUPPORT), listOfServices))
                .isEqualTo("[" + SUPPORT.toJson() + "," + SUPPORT.toJson() + "]");
    }

    @Test
    void leavesEverythingElseToTheOtherWriters() throws Exception {
        Type listOfStrings = getClass().getDeclaredMethod("numbers").getGenericReturnType();
        assertThat(writer.isWriteable(List.class, listOfStrings, new Annotation[0], MediaType.APPLICATION_JSON_TYPE))
                .isFalse();
        assertThat(writer.isWriteable(JsonObject.class, JsonObject.class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(writer.isWriteable(Instant.class, Instant.class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE)).isFalse();
    }

    private String write(Object entity, Type type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(entity, entity.getClass(), type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE, null, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
