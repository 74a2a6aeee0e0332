package org.calldesk.connector.ami;

/**
 * No AMI session could be opened. The message is written for the operator: it says what to
 * check and names the setting, never the secret. The kind lets the adapter log a lasting
 * problem once rather than at every retry.
 */
public final class AmiLoginException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Nothing listens, or the host cannot be reached. */
        UNREACHABLE,
        /** Something listens but does not greet as an Asterisk Manager Interface, or answers too slowly. */
        NO_GREETING,
        /** Asterisk refused the username or secret. */
        CREDENTIALS_REFUSED
    }

    private final Kind kind;

    public AmiLoginException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
