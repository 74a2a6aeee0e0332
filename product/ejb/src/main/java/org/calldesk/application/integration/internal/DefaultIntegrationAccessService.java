package org.calldesk.application.integration.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.calldesk.application.Actor;
import org.calldesk.application.RequestRefused;
import org.calldesk.application.integration.IntegrationAccessService;
import org.calldesk.application.view.AuditEntryView;
import org.calldesk.application.view.IntegrationKeyView;
import org.calldesk.domain.model.integration.ApiKeys;
import org.calldesk.domain.model.integration.IntegrationAuditEntry;
import org.calldesk.domain.model.integration.IntegrationKey;
import org.calldesk.domain.model.integration.IntegrationKeyRepository;

@Stateless
public class DefaultIntegrationAccessService implements IntegrationAccessService {

    private static final Logger LOG = Logger.getLogger(DefaultIntegrationAccessService.class.getName());

    final IntegrationKeyRepository keys;
    final Clock clock;

    /** For the container's proxies; the instances that serve come from the injecting constructor. */
    public DefaultIntegrationAccessService() {
        this(null, Clock.systemUTC());
    }

    @Inject
    public DefaultIntegrationAccessService(IntegrationKeyRepository keys) {
        this(keys, Clock.systemUTC());
    }

    /** With another clock (tests). */
    DefaultIntegrationAccessService(IntegrationKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public IssuedKey create(Actor actor, String name) {
        actor.requireAdmin("create API keys");
        if (name == null || !IntegrationKey.NAME.matcher(name).matches()) {
            throw RequestRefused.badInput("'name' is 1-40 letters, digits, '.', '-' or '_'");
        }
        String secret = ApiKeys.generate();
        IntegrationKey key = IntegrationKey.issue(name, secret, actor.loginId(), clock.instant());
        keys.store(key);
        LOG.info(() -> actor.loginId() + " created API key " + key.id() + " (" + key.name() + ", " + key.keyPrefix() + "...)");
        return new IssuedKey(IntegrationKeyView.of(key), secret);
    }

    @Override
    public List<IntegrationKeyView> keys(Actor actor) {
        actor.requireAdmin("list API keys");
        return keys.all().stream().map(IntegrationKeyView::of).toList();
    }

    @Override
    public IntegrationKeyView revoke(Actor actor, String keyId) {
        actor.requireAdmin("revoke API keys");
        IntegrationKey key = keys.find(keyId).orElseThrow(() -> RequestRefused.notFound("API key", keyId));
        if (key.revoke(actor.loginId(), clock.instant())) {
            LOG.info(() -> actor.loginId() + " revoked API key " + key.id() + " (" + key.name() + ")");
        }
        return IntegrationKeyView.of(key);
    }

    @Override
    public Optional<IntegrationKeyView> identify(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank() || presentedKey.length() > 200) {
            return Optional.empty();
        }
        return keys.findByHash(ApiKeys.hash(presentedKey.strip())).map(IntegrationKeyView::of);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void audit(IntegrationCall call) {
        keys.record(new IntegrationAuditEntry(call.at(), call.keyId(), call.keyName(), call.principal(),
                call.channel(), call.action(), call.target(), call.outcome(), call.remote()));
    }

    @Override
    public List<AuditEntryView> trail(Actor actor, String keyId, int max) {
        actor.requireAdmin("read the integration audit trail");
        return keys.trail(keyId, max).stream().map(AuditEntryView::of).toList();
    }
}
