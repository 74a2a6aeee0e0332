package org.calldesk.contract.problem;

import jakarta.json.JsonObject;
import java.util.Locale;
import org.calldesk.contract.json.JsonBody;
import org.calldesk.contract.json.WireJson;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error as an RFC 9457 problem detail ({@code application/problem+json}): {@code type}, {@code title},
 * {@code status}, {@code code} (the stable reason clients branch on, for example {@code ALREADY_LOGGED_IN})
 * and {@code detail}.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem detail; branch on 'code'")
public record Problem(
        @Schema(required = true, example = "https://calldesk.org/problems/bad-input") String type,
        @Schema(required = true) String title,
        @Schema(required = true) int status,
        @Schema(required = true, example = "BAD_INPUT") String code,
        String detail) implements JsonBody {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://calldesk.org/problems/";

    /** The problem of a code: its {@code type} is the code's URI. */
    public static Problem of(int status, String title, String code, String detail) {
        return new Problem(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'), title, status, code, detail);
    }

    @Override
    public JsonObject toJson() {
        return WireJson.writer()
                .add("type", type)
                .add("title", title)
                .add("status", status)
                .add("code", code)
                .add("detail", detail)
                .build();
    }
}
