package org.calldesk.connector.api;

/**
 * A call-control request the PBX did not carry out. The subclasses say why, in words an agent or
 * operator can act on.
 */
public abstract sealed class PbxException extends Exception {

    private static final long serialVersionUID = 1L;

    protected PbxException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The PBX has no such call (it ended, or never existed). */
    public static final class UnknownCall extends PbxException {
        private static final long serialVersionUID = 1L;
        private final CallId call;

        public UnknownCall(CallId call) {
            super("the PBX has no call " + call + " (it may have ended)", null);
            this.call = call;
        }

        public CallId call() {
            return call;
        }
    }

    /** The device is unknown to the PBX or not registered. */
    public static final class DeviceUnavailable extends PbxException {
        private static final long serialVersionUID = 1L;
        private final DeviceId device;
        private final DeviceState state;

        public DeviceUnavailable(DeviceId device, DeviceState state) {
            super("phone " + device + " is not available (PBX reports " + state + ")", null);
            this.device = device;
            this.state = state;
        }

        public DeviceId device() {
            return device;
        }

        public DeviceState state() {
            return state;
        }
    }

    /** No session with the PBX: it is down, unreachable, or refused the adapter's credentials. */
    public static final class PbxUnreachable extends PbxException {
        private static final long serialVersionUID = 1L;

        public PbxUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The PBX answered the request with an error; the message is the PBX's own. */
    public static final class ActionRefused extends PbxException {
        private static final long serialVersionUID = 1L;
        private final String action;

        public ActionRefused(String action, String pbxMessage) {
            super("the PBX refused " + action + ": " + pbxMessage, null);
            this.action = action;
        }

        public String action() {
            return action;
        }
    }
}
