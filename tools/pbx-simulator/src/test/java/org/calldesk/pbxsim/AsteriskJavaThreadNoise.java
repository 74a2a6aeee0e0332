package org.calldesk.pbxsim;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * asterisk-java's reader thread throws when it shuts down the event pump of a connection that
 * died under it (a PBX restart, a cut link): noise on a thread of the library's own, which the
 * client survives. Awaitility would report such an exception from any thread as the failure of
 * whatever a test is waiting for, so the tests' waits judge only the condition they wait on.
 */
public class AsteriskJavaThreadNoise implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }
}
