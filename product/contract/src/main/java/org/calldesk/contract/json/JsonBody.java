package org.calldesk.contract.json;

import jakarta.json.JsonObject;

/** A record of the contract that is written as a JSON object, always by its own {@link #toJson()}. */
public interface JsonBody {

    JsonObject toJson();
}
