package org.calldesk.pbxsim.pbx;

import java.util.Locale;

/**
 * Where a dial string ({@code PJSIP/1001}, {@code PJSIP/01012345678@trunk}) leads, resolved as
 * chan_pjsip would: an agent's phone, a customer over the trunk, or a failure with the cause
 * {@code ast_request} reports.
 *
 * @param device the endpoint the channel will be on, e.g. {@code PJSIP/1001}
 * @param resource what was asked of the technology, e.g. {@code 1001} (Asterisk's DialString)
 * @param number the number called: the customer's number, or the phone's extension
 * @param context the endpoint's context, shown on its channels before they run any dialplan
 * @param behaviour what the far end will do
 * @param failureCause above 0 if no channel can be created: 3 unknown endpoint, 38 not
 *                     registered (chan_pjsip's {@code AST_CAUSE_FAILURE}), 66 unknown technology
 */
record DialTarget(String device, String resource, String number, String context, Behaviour behaviour,
                  int failureCause) {

    boolean failed() {
        return failureCause > 0;
    }

    /** Resolves {@code tech/resource}; {@code null} when there is no '/' at all. */
    static DialTarget resolve(Pbx pbx, String dialString) {
        int slash = dialString.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String tech = dialString.substring(0, slash);
        String resource = dialString.substring(slash + 1);
        if (!tech.toUpperCase(Locale.ROOT).equals("PJSIP")) {
            return failure(dialString, resource, HangupCause.CHAN_NOT_IMPLEMENTED);
        }
        String trunk = pbx.settings().trunk();
        int at = resource.indexOf('@');
        String endpoint = at >= 0 ? resource.substring(at + 1) : resource;
        String user = at >= 0 ? resource.substring(0, at) : "";
        if (endpoint.isEmpty()) {
            return failure(dialString, resource, HangupCause.NO_ROUTE_DESTINATION);
        }
        Devices devices = pbx.devices();
        if (endpoint.equals(trunk)) {
            return new DialTarget("PJSIP/" + trunk, resource, user, pbx.settings().inboundContext(),
                    devices.customerBehaviour(user), 0);
        }
        Devices.Device device = devices.find("PJSIP/" + endpoint).orElse(null);
        if (device == null) {
            return failure(dialString, resource, HangupCause.NO_ROUTE_DESTINATION);
        }
        if (!device.registered) {
            return failure(device.name, resource, HangupCause.NETWORK_OUT_OF_ORDER);
        }
        return new DialTarget(device.name, resource, endpoint, "default", devices.phoneBehaviour(device), 0);
    }

    private static DialTarget failure(String device, String resource, int cause) {
        return new DialTarget(device, resource, "", "", null, cause);
    }
}
