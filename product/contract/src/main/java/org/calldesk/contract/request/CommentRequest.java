package org.calldesk.contract.request;

import jakarta.json.JsonObject;
import org.calldesk.contract.json.Fields;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment on a ticket. */
@Schema(name = "Comment", description = "A comment on a ticket")
public record CommentRequest(@Schema(required = true) String text) {

    public static CommentRequest from(JsonObject body) {
        return new CommentRequest(Fields.of(body).text("text"));
    }
}
