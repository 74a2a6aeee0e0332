package org.calldesk.pbxsim.ami;

/**
 * The versions the simulator claims, those of an Asterisk 18 LTS release.
 *
 * <p>{@code AMI_VERSION} is Asterisk's own constant from {@code include/asterisk/manager.h}
 * (7.0.3 for the 18.x releases); clients such as asterisk-java read it from the greeting
 * line and read {@code ASTERISK_VERSION} from {@code CoreSettings} to pick their dialect.
 */
public final class AsteriskIdentity {

    public static final String AMI_VERSION = "7.0.3";
    public static final String ASTERISK_VERSION = "18.26.4";
    public static final String SYSTEM_NAME = "";

    private AsteriskIdentity() {
    }
}
