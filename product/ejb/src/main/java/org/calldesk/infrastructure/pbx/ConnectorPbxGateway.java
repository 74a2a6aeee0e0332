package org.calldesk.infrastructure.pbx;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.calldesk.application.PbxGateway;
import org.calldesk.connector.api.CallId;
import org.calldesk.connector.api.DeviceId;
import org.calldesk.connector.api.DeviceState;
import org.calldesk.connector.api.PbxChannel;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.calldesk.connector.api.PbxEventLink;
import org.calldesk.connector.api.PbxException;

/** Call control through the PBX connector: one pooled connection per request, always given back. */
@ApplicationScoped
public class ConnectorPbxGateway implements PbxGateway {

    @Resource(lookup = "java:app/eis/PbxConnectionFactory")
    PbxConnectionFactory connectionFactory;

    private interface Request<T> {
        T on(PbxConnection connection) throws PbxException;
    }

    private <T> T call(Request<T> request) throws PbxException {
        try (PbxConnection connection = connectionFactory.getConnection()) {
            return request.on(connection);
        }
    }

    @Override
    public String originate(String agentDevice, String customerNumber, String sendingNumber, Duration timeout)
            throws PbxException {
        return call(c -> c.originate(new DeviceId(agentDevice), customerNumber, sendingNumber, timeout)).value();
    }

    @Override
    public void connect(String pbxCallId, String agentDevice, Duration ringTimeout) throws PbxException {
        call(c -> {
            c.connect(new CallId(pbxCallId), new DeviceId(agentDevice), ringTimeout);
            return null;
        });
    }

    @Override
    public void hold(String pbxCallId) throws PbxException {
        call(c -> {
            c.hold(new CallId(pbxCallId));
            return null;
        });
    }

    @Override
    public void retrieve(String pbxCallId) throws PbxException {
        call(c -> {
            c.retrieve(new CallId(pbxCallId));
            return null;
        });
    }

    @Override
    public void consult(String pbxCallId, String targetDevice, Duration ringTimeout) throws PbxException {
        call(c -> {
            c.consult(new CallId(pbxCallId), new DeviceId(targetDevice), ringTimeout);
            return null;
        });
    }

    @Override
    public void completeTransfer(String pbxCallId) throws PbxException {
        call(c -> {
            c.completeTransfer(new CallId(pbxCallId));
            return null;
        });
    }

    @Override
    public void cancelConsult(String pbxCallId) throws PbxException {
        call(c -> {
            c.cancelConsult(new CallId(pbxCallId));
            return null;
        });
    }

    @Override
    public void announceAndHangup(String pbxCallId, String announcement) throws PbxException {
        call(c -> {
            c.announceAndHangup(new CallId(pbxCallId), announcement);
            return null;
        });
    }

    @Override
    public void hangup(String pbxCallId) throws PbxException {
        call(c -> {
            c.hangup(new CallId(pbxCallId));
            return null;
        });
    }

    @Override
    public DeviceState deviceState(String device) throws PbxException {
        return call(c -> c.deviceState(new DeviceId(device)));
    }

    @Override
    public PbxEventLink eventLink() {
        return connectionFactory.eventLink();
    }

    @Override
    public List<PbxChannel> channels() throws PbxException {
        return call(PbxConnection::channels);
    }

    @Override
    public void hangupChannel(String channelName) throws PbxException {
        call(c -> {
            c.hangupChannel(channelName);
            return null;
        });
    }
}
