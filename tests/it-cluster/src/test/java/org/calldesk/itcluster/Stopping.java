package org.calldesk.itcluster;

/** The end of a test's stack: every part stopped, in the order given, whatever the others did. */
final class Stopping {

    private Stopping() {
    }

    static void all(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    System.err.println("stopping " + part + ": " + e);
                }
            }
        }
    }
}
