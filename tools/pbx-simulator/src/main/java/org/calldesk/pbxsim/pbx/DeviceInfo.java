package org.calldesk.pbxsim.pbx;

/**
 * A read-only picture of one PJSIP endpoint: an agent's phone or the trunk.
 *
 * @param device the device name, e.g. {@code PJSIP/1001}
 * @param registered whether the endpoint has a registered contact (unregistered: {@code UNAVAILABLE})
 * @param state the device state as {@code DEVICE_STATE()} reports it, e.g. {@code NOT_INUSE}
 * @param behaviour what the phone does when called (for the trunk: the customers' default)
 * @param trunk true for the trunk endpoint
 */
public record DeviceInfo(String device, boolean registered, String state, Behaviour behaviour, boolean trunk) {
}
