package org.calldesk.connector.ami.outbound;

import jakarta.resource.spi.ManagedConnectionMetaData;

/** What the container may show about a pooled PBX session. */
record PbxManagedConnectionMetaData(String asteriskVersion, String amiUser) implements ManagedConnectionMetaData {

    @Override
    public String getEISProductName() {
        return "Asterisk";
    }

    @Override
    public String getEISProductVersion() {
        return asteriskVersion;
    }

    /** No limit of the adapter's own; manager.conf may set one. */
    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public String getUserName() {
        return amiUser;
    }
}
