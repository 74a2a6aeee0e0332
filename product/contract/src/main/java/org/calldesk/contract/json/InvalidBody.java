package org.calldesk.contract.json;

/**
 * A request body that the contract cannot read: a field missing or of the wrong JSON type. The message
 * names the field ({@code 'name' is required}); REST answers it as a 400 problem with code
 * {@code BAD_INPUT}.
 */
public class InvalidBody extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidBody(String message) {
        super(message);
    }
}
