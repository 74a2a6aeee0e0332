package org.calldesk.infrastructure.pbx;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.calldesk.application.PbxGateway;
import org.calldesk.application.pbx.ChannelOnPbx;
import org.calldesk.application.pbx.EventLink;
import org.calldesk.application.pbx.PbxRefusal;
import org.calldesk.application.pbx.PhoneState;
import org.calldesk.connector.api.PbxConnection;
import org.calldesk.connector.api.PbxConnectionFactory;
import org.calldesk.connector.api.PbxException;

/**
 * Call control through the PBX connector: one pooled connection per request, always given back.
 * What goes to the connector and comes back is translated by {@link PbxTranslation}; a {@link
 * PbxException} leaves here as the application's {@link PbxRefusal}.
 */
@ApplicationScoped
public class ConnectorPbxGateway implements PbxGateway {

    @Resource(lookup = "java:app/eis/PbxConnectionFactory")
    PbxConnectionFactory connectionFactory;

    private interface Request<T> {
        T on(PbxConnection connection) throws PbxException;
    }

    private interface Action {
        void on(PbxConnection connection) throws PbxException;
    }

    private void run(Action action) throws PbxRefusal {
        call(connection -> {
            action.on(connection);
            return null;
        });
    }

    private <T> T call(Request<T> request) throws PbxRefusal {
        try (PbxConnection connection = connectionFactory.getConnection()) {
            return request.on(connection);
        } catch (PbxException e) {
            throw PbxTranslation.refusal(e);
        }
    }

    @Override
    public String originate(String agentDevice, String customerNumber, String sendingNumber, Duration timeout)
            throws PbxRefusal {
        return call(c -> c.originate(PbxTranslation.device(agentDevice), customerNumber, sendingNumber, timeout))
                .value();
    }

    @Override
    public void connect(String pbxCallId, String agentDevice, Duration ringTimeout) throws PbxRefusal {
        run(c -> c.connect(PbxTranslation.callId(pbxCallId), PbxTranslation.device(agentDevice), ringTimeout));
    }

    @Override
    public void hold(String pbxCallId) throws PbxRefusal {
        run(c -> c.hold(PbxTranslation.callId(pbxCallId)));
    }

    @Override
    public void retrieve(String pbxCallId) throws PbxRefusal {
        run(c -> c.retrieve(PbxTranslation.callId(pbxCallId)));
    }

    @Override
    public void consult(String pbxCallId, String targetDevice, Duration ringTimeout) throws PbxRefusal {
        run(c -> c.consult(PbxTranslation.callId(pbxCallId), PbxTranslation.device(targetDevice), ringTimeout));
    }

    @Override
    public void completeTransfer(String pbxCallId) throws PbxRefusal {
        run(c -> c.completeTransfer(PbxTranslation.callId(pbxCallId)));
    }

    @Override
    public void cancelConsult(String pbxCallId) throws PbxRefusal {
        run(c -> c.cancelConsult(PbxTranslation.callId(pbxCallId)));
    }

    @Override
    public void announceAndHangup(String pbxCallId, String announcement) throws PbxRefusal {
        run(c -> c.announceAndHangup(PbxTranslation.callId(pbxCallId), announcement));
    }

    @Override
    public void hangup(String pbxCallId) throws PbxRefusal {
        run(c -> c.hangup(PbxTranslation.callId(pbxCallId)));
    }

    @Override
    public PhoneState deviceState(String device) throws PbxRefusal {
        return PbxTranslation.phoneState(call(c -> c.deviceState(PbxTranslation.device(device))));
    }

    @Override
    public EventLink eventLink() {
        return PbxTranslation.eventLink(connectionFactory.eventLink());
    }

    @Override
    public List<ChannelOnPbx> channels() throws PbxRefusal {
        return call(PbxConnection::channels).stream().map(PbxTranslation::channel).toList();
    }

    @Override
    public void hangupChannel(String channelName) throws PbxRefusal {
        run(c -> c.hangupChannel(channelName));
    }
}
