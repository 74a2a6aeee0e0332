package org.calldesk.connector.ami;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.event.BridgeCreateEvent;
import org.asteriskjava.manager.event.BridgeDestroyEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.MusicOnHoldStopEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.RenameEvent;
import org.calldesk.connector.ami.CallDeskWaitingEvent;

/**
 * Opens asterisk-java sessions configured the way the adapter needs them, and says in an
 * operator's words why one could not be opened.
 *
 * <p>Event classes are registered explicitly: asterisk-java discovers its event classes by
 * scanning its own package with the {@code reflections} library, which finds nothing when the
 * jar sits inside a RAR on some servers; every event would then be dropped silently. Registering
 * the classes the adapter reads makes it independent of that scan.
 */
public final class AmiClient {

    private static final Logger LOG = Logger.getLogger(AmiClient.class.getName());

    /** Every AMI event the adapter reads (plus FullyBooted, which Asterisk sends at every login). */
    static final List<Class<? extends ManagerEvent>> EVENT_CLASSES = List.of(
            CallDeskWaitingEvent.class,
            NewChannelEvent.class,
            NewStateEvent.class,
            RenameEvent.class,
            DialBeginEvent.class,
            DialEndEvent.class,
            BridgeCreateEvent.class,
            BridgeEnterEvent.class,
            BridgeLeaveEvent.class,
            BridgeDestroyEvent.class,
            MusicOnHoldStartEvent.class,
            MusicOnHoldStopEvent.class,
            HangupEvent.class,
            OriginateResponseEvent.class,
            DeviceStateChangeEvent.class,
            CoreShowChannelEvent.class,
            CoreShowChannelsCompleteEvent.class,
            FullyBootedEvent.class);

    /** Login event mask for sessions that only send actions. */
    static final String NO_EVENTS = "off";

    private AmiClient() {
    }

    /**
     * Connects and logs in: {@link #create} then {@link #login}.
     *
     * @param events whether the PBX should send events on this session
     * @throws AmiLoginException with a message naming the setting to check (never the secret)
     */
    static ManagerConnection open(AmiSettings settings, boolean events, ManagerEventListener listener)
            throws AmiLoginException {
        ManagerConnection connection = create(settings, listener);
        login(connection, settings, events);
        return connection;
    }

    /**
     * Runs asterisk-java's one-off scan for its event classes (the static initialiser of its event
     * builder, which walks its own jar with org.reflections on parallel threads) now, on the thread
     * that starts the adapter. Left to the first connection, it ran on the adapter's timer thread
     * while the server went on loading the application's classes through the same class loader,
     * and Payara Server 6 deadlocked between the two (the jar's lock against the connector class
     * finder's) on a domain restart: the application never came up.
     */
    static void prepare() {
        try {
            Class.forName("org.asteriskjava.manager.internal.EventBuilderImpl", true, AmiClient.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("asterisk-java is not on the adapter's class path", e);
        }
    }

    /**
     * A session not yet connected. The listener is added before the login, so it sees every event
     * of the session, including the {@code DisconnectEvent} if the link later drops; having the
     * object before the login lets a concurrent {@code stop()} log it off.
     */
    public static ManagerConnection create(AmiSettings settings, ManagerEventListener listener) {
        DefaultManagerConnection connection = new DefaultManagerConnection(
                settings.host(), settings.port(), settings.username(), settings.secret());
        connection.setSocketTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
        connection.setDefaultResponseTimeout(settings.actionTimeout().toMillis());
        connection.setDefaultEventTimeout(settings.actionTimeout().toMillis());
        for (Class<? extends ManagerEvent> eventClass : EVENT_CLASSES) {
            connection.registerUserEventClass(eventClass);
        }
        if (listener != null) {
            connection.addEventListener(listener);
        }
        return connection;
    }

    /**
     * Connects and logs in (asterisk-java then asks for {@code CoreSettings} to learn the version).
     *
     * @param events whether the PBX should send events on this session
     * @throws AmiLoginException with a message naming the setting to check (never the secret)
     */
    public static void login(ManagerConnection connection, AmiSettings settings, boolean events) throws AmiLoginException {
        try {
            connection.login(events ? null : NO_EVENTS);
        } catch (AuthenticationFailedException e) {
            throw new AmiLoginException(AmiLoginException.Kind.CREDENTIALS_REFUSED, "the PBX at " + settings.address()
                    + " refused the AMI login of user '" + settings.username() + "' (" + e.getMessage()
                    + "): check the adapter settings amiUsername and amiSecret (MicroProfile Config "
                    + "calldesk.ami.username / calldesk.ami.secret) against manager.conf", e);
        } catch (TimeoutException e) {
            quietlyLogoff(connection);
            throw new AmiLoginException(AmiLoginException.Kind.NO_GREETING, "no Asterisk Manager Interface answered at "
                    + settings.address() + " (" + e.getMessage() + "): check that amiHost/amiPort (calldesk.ami.host"
                    + " / calldesk.ami.port) name the AMI port of manager.conf", e);
        } catch (IOException e) {
            throw new AmiLoginException(AmiLoginException.Kind.UNREACHABLE, "cannot reach the PBX at "
                    + settings.address() + " (" + describe(e) + "): check that the PBX runs and that amiHost/amiPort"
                    + " (calldesk.ami.host / calldesk.ami.port) are right", e);
        } catch (RuntimeException e) {
            quietlyLogoff(connection);
            throw new AmiLoginException(AmiLoginException.Kind.UNREACHABLE, "could not open an AMI session with "
                    + settings.address() + ": " + describe(e), e);
        }
    }

    /**
     * Ends a session and its asterisk-java threads (reader, event pump, any reconnect loop). A
     * login in progress on another thread holds the session's lock, so this waits for it and then
     * logs off. Never throws.
     */
    public static void quietlyLogoff(ManagerConnection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.logoff();
        } catch (IllegalStateException e) {
            // never logged in, or already logged off: nothing runs any more
            LOG.log(Level.FINEST, "No need to log off " + connection, e);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Logging off " + connection + " failed; the session is gone anyway", e);
        }
    }

    public static String describe(Throwable e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SocketTimeoutException) {
            return "connect timed out";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
