package org.calldesk.pbxsim;

import org.asteriskjava.manager.action.AbstractManagerAction;

/** AMI {@code BlindTransfer}, which asterisk-java 3.42.2 has no action class for; its getters become the headers. */
public class BlindTransferAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String channel;
    private final String exten;
    private final String context;

    public BlindTransferAction(String channel, String exten, String context) {
        this.channel = channel;
        this.exten = exten;
        this.context = context;
    }

    @Override
    public String getAction() {
        return "BlindTransfer";
    }

    public String getChannel() {
        return channel;
    }

    public String getExten() {
        return exten;
    }

    public String getContext() {
        return context;
    }
}
