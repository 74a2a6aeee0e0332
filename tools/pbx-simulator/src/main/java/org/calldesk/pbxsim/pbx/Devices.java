package org.calldesk.pbxsim.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.calldesk.pbxsim.ami.AmiMessage;
import org.calldesk.pbxsim.ami.EventCategory;

/**
 * The PJSIP endpoints the simulated Asterisk knows: agents' phones and the trunk, with their
 * registration, their scripted behaviour, and their device state.
 *
 * <p>Device state follows chan_pjsip: an endpoint that is not registered is
 * {@code UNAVAILABLE}; otherwise its channels decide, each mapped as {@code ast_state_chan2dev}
 * maps channel states (Ringing to {@code RINGING}, Ring and Up to {@code INUSE}, Busy to
 * {@code BUSY}) and aggregated ({@code RINGINUSE} when one rings while another is in use).
 * A {@code DeviceStateChange} event is raised whenever the aggregate changes. Changed only on
 * the PBX thread.
 */
final class Devices {

    /** One endpoint. Counters are the number of its channels in each device-state class. */
    static final class Device {
        final String name;
        final boolean trunk;
        volatile boolean registered;
        volatile Behaviour behaviour;
        volatile String state;
        int ringing;
        int inUse;
        int busy;

        Device(String name, boolean trunk, boolean registered) {
            this.name = name;
            this.trunk = trunk;
            this.registered = registered;
        }
    }

    private final Pbx pbx;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> customers = new ConcurrentHashMap<>();

    Devices(Pbx pbx, String trunk, List<String> phones) {
        this.pbx = pbx;
        Device trunkDevice = new Device("PJSIP/" + trunk, true, true);
        trunkDevice.state = compute(trunkDevice);
        devices.put(trunkDevice.name, trunkDevice);
        for (String phone : phones) {
            Device d = new Device(phone, false, true);
            d.state = compute(d);
            devices.put(phone, d);
        }
    }

    Optional<Device> find(String name) {
        return Optional.ofNullable(devices.get(name));
    }

    /** Adds a phone (registered) if unknown; returns it. */
    Device addPhone(String name) {
        return devices.computeIfAbsent(name, n -> {
            Device d = new Device(n, false, true);
            d.state = compute(d);
            return d;
        });
    }

    List<DeviceInfo> all() {
        List<DeviceInfo> views = new ArrayList<>();
        for (Device d : list()) {
            views.add(view(d));
        }
        return views;
    }

    DeviceInfo view(Device d) {
        return new DeviceInfo(d.name, d.registered, d.state,
                d.behaviour != null ? d.behaviour : d.trunk ? pbx.settings().customerBehaviour() : pbx.settings().phoneBehaviour(),
                d.trunk);
    }

    /** What a phone does when called: its own script or the phone default. */
    Behaviour phoneBehaviour(Device device) {
        Behaviour b = device.behaviour;
        return b != null ? b : pbx.settings().phoneBehaviour();
    }

    /** What the customer with this number does: their own script or the customer default. */
    Behaviour customerBehaviour(String number) {
        Behaviour b = customers.get(number);
        return b != null ? b : pbx.settings().customerBehaviour();
    }

    void setCustomerBehaviour(String number, Behaviour behaviour) {
        if (behaviour == null) {
            customers.remove(number);
        } else {
            customers.put(number, behaviour);
        }
    }

    Map<String, Behaviour> customers() {
        return Map.copyOf(customers);
    }

    void setRegistered(Device device, boolean registered) {
        if (device.registered != registered) {
            device.registered = registered;
            publishIfChanged(device);
        }
    }

    /** The device state string {@code DEVICE_STATE()} returns; {@code INVALID} for unknown endpoints. */
    String state(String deviceName) {
        if (deviceName.regionMatches(true, 0, "Local/", 0, 6)) {
            return localState(deviceName);
        }
        Device d = devices.get(deviceName);
        if (d == null) {
            return "INVALID";
        }
        return d.state;
    }

    /**
     * {@code DEVICE_STATE(Local/<exten>@<context>)} as {@code core_local.c}'s
     * {@code local_devicestate}: {@code INVALID} when the extension does not exist, else
     * {@code INUSE} while a Local channel is up on it, else {@code NOT_INUSE}.
     */
    private String localState(String deviceName) {
        String resource = deviceName.substring("Local/".length());
        int at = resource.indexOf('@');
        String exten = at >= 0 ? resource.substring(0, at) : resource;
        String context = at >= 0 ? resource.substring(at + 1) : "default";
        if (exten.isEmpty() || !pbx.dialplan().exists(context, exten, 1)) {
            return "INVALID";
        }
        return pbx.channels().stream().anyMatch(c -> c.device().equalsIgnoreCase(deviceName)) ? "INUSE" : "NOT_INUSE";
    }

    /** Accounts for a channel changing state on its device (null for none, i.e. new or gone). */
    void channelStateChanged(Channel channel, ChannelState from, ChannelState to) {
        Device d = devices.get(channel.device());
        if (d == null) {
            return;
        }
        adjust(d, from, -1);
        adjust(d, to, +1);
        publishIfChanged(d);
    }

    private static void adjust(Device d, ChannelState state, int delta) {
        if (state == null) {
            return;
        }
        switch (state) {
            case RINGING -> d.ringing += delta;
            case BUSY -> d.busy += delta;
            case DOWN -> {
            }
            default -> d.inUse += delta;
        }
    }

    private void publishIfChanged(Device d) {
        String now = compute(d);
        if (!Objects.equals(now, d.state)) {
            d.state = now;
            pbx.emit("DeviceStateChange", EventCategory.CALL, new AmiMessage().add("Device", d.name).add("State", now));
        }
    }

    private static String compute(Device d) {
        if (d.ringing > 0 && d.inUse > 0) {
            return "RINGINUSE";
        }
        if (d.inUse > 0) {
            return "INUSE";
        }
        if (d.ringing > 0) {
            return "RINGING";
        }
        if (d.busy > 0) {
            return "BUSY";
        }
        return d.registered ? "NOT_INUSE" : "UNAVAILABLE";
    }

    /** The devices with their current state, as DeviceStateList reports them. */
    List<Device> list() {
        List<Device> list = new ArrayList<>(devices.values());
        list.sort((a, b) -> a.name.compareTo(b.name));
        return list;
    }
}
