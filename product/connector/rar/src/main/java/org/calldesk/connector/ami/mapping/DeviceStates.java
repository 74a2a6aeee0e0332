package org.calldesk.connector.ami.mapping;

import java.util.Locale;
import org.calldesk.connector.api.DeviceState;

/** Asterisk's device state names ({@code DEVICE_STATE()}, {@code DeviceStateChange}) to the API's enum. */
public final class DeviceStates {

    private DeviceStates() {
    }

    public static DeviceState parse(String asterisk) {
        if (asterisk == null) {
            return DeviceState.UNKNOWN;
        }
        return switch (asterisk.trim().toUpperCase(Locale.ROOT)) {
            case "NOT_INUSE" -> DeviceState.NOT_IN_USE;
            case "INUSE" -> DeviceState.IN_USE;
            case "BUSY" -> DeviceState.BUSY;
            case "RINGING" -> DeviceState.RINGING;
            case "RINGINUSE" -> DeviceState.RINGING_IN_USE;
            case "ONHOLD" -> DeviceState.ON_HOLD;
            case "UNAVAILABLE" -> DeviceState.UNAVAILABLE;
            case "INVALID" -> DeviceState.INVALID;
            default -> DeviceState.UNKNOWN;
        };
    }
}
