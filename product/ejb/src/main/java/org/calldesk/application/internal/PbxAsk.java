package org.calldesk.application.internal;

import org.calldesk.application.PbxGateway;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.pbx.PbxRefusal;
import org.calldesk.domain.model.call.CallRepository;

/**
 * Asks the PBX on behalf of a request, and makes a refusal of the PBX the request's own
 * ({@link RequestRefused#byPbx}), which rolls back what the request changed. A service that
 * changed a call first claims its row ({@link #claimThenAsk}), so of two concurrent requests on
 * one call only one reaches the PBX.
 */
final class PbxAsk {

    /** One request to the PBX. */
    @FunctionalInterface
    interface Request<T> {
        T on(PbxGateway pbx) throws PbxRefusal;
    }

    /** A request to the PBX that answers nothing but its acceptance. */
    @FunctionalInterface
    interface Action {
        void on(PbxGateway pbx) throws PbxRefusal;
    }

    private PbxAsk() {
    }

    /** @throws RequestRefused if the PBX did not carry the request out */
    static <T> T ask(PbxGateway pbx, Request<T> request) {
        try {
            return request.on(pbx);
        } catch (PbxRefusal refusal) {
            throw RequestRefused.byPbx(refusal);
        }
    }

    /**
     * Writes the changes made so far and holds the call's row ({@link CallRepository#claim}),
     * then asks the PBX.
     *
     * @throws RequestRefused if the PBX did not carry the request out
     */
    static void claimThenAsk(CallRepository calls, PbxGateway pbx, Action action) {
        calls.claim();
        ask(pbx, gateway -> {
            action.on(gateway);
            return null;
        });
    }
}
