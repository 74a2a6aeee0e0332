package org.calldesk.connector.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.calldesk.connector.ami.outbound.PbxManagedConnectionFactory;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final String SECRET = "s3cr3t-do-not-print";

    @Test
    void defaultsReachTheEmbeddedSimulator() {
        AmiSettings settings = new PbxResourceAdapter().resolveSettings(ConfigOverrides.none());

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(5038);
        assertThat(settings.username()).isEqualTo("calldesk");
        assertThat(settings.secret()).isEqualTo("calldesk");
        assertThat(settings.contexts()).isEqualTo(DialplanContexts.DEFAULTS);
        assertThat(settings.contexts().inbound()).isEqualTo("calldesk-inbound");
        assertThat(settings.reconnectInitialDelay()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void settingsNeverShowTheSecret() {
        PbxResourceAdapter adapter = new PbxResourceAdapter();
        adapter.setAmiSecret(SECRET);

        assertThat(adapter.resolveSettings(ConfigOverrides.none()).toString()).doesNotContain(SECRET).contains("secret=****");
        assertThat(adapter.toString()).doesNotContain(SECRET).contains("amiSecret=****");
    }

    @Test
    void connectionFactoryNeverShowsItsSecret() {
        PbxManagedConnectionFactory factory = new PbxManagedConnectionFactory();
        factory.setAmiUsername("cti");
        factory.setAmiSecret(SECRET);

        assertThat(factory.toString()).doesNotContain(SECRET).contains("amiUsername=cti");
    }

    @Test
    void loginFailureMessageNamesTheSettingsButNotTheSecret() throws Exception {
        AmiSettings settings = new PbxResourceAdapter().resolveSettings(ConfigOverrides.of(Map.of(
                "calldesk.ami.port", "1", "calldesk.ami.secret", SECRET, "calldesk.ami.connect-timeout-millis", "500")));

        assertThatThrownBy(() -> AmiClient.open(settings, false, null))
                .isInstanceOf(AmiLoginException.class)
                .hasMessageContaining("amiHost/amiPort")
                .hasMessageContaining("calldesk.ami.port")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void microProfileConfigOrSystemPropertyKeysOverrideTheConfigProperties() {
        PbxResourceAdapter adapter = new PbxResourceAdapter();
        adapter.setAmiHost("pbx.internal");

        AmiSettings settings = adapter.resolveSettings(ConfigOverrides.of(Map.of(
                "calldesk.ami.host", "pbx.example.org",
                "calldesk.ami.port", "15038",
                "calldesk.ami.username", "cti",
                "calldesk.ami.secret", SECRET,
                "calldesk.ami.context.hold", "acme-hold")));

        assertThat(settings.host()).isEqualTo("pbx.example.org");
        assertThat(settings.port()).isEqualTo(15038);
        assertThat(settings.username()).isEqualTo("cti");
        assertThat(settings.secret()).isEqualTo(SECRET);
        assertThat(settings.contexts().hold()).isEqualTo("acme-hold");
        assertThat(settings.contexts().inbound()).isEqualTo("calldesk-inbound");
    }

    @Test
    void malformedNumericOverrideIsIgnored() {
        AmiSettings settings = new PbxResourceAdapter().resolveSettings(ConfigOverrides.of(Map.of("calldesk.ami.port", "five")));

        assertThat(settings.port()).isEqualTo(5038);
    }

    @Test
    void systemPropertiesOverrideWithoutMicroProfileConfig() {
        String key = "calldesk.ami.username";
        String previous = System.getProperty(key);
        System.setProperty(key, "from-system-property");
        try {
            AmiSettings settings = new PbxResourceAdapter()
                    .resolveSettings(ConfigOverrides.fromEnvironment(new ClassLoader(null) { }));

            assertThat(settings.username()).isEqualTo("from-system-property");
        } finally {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        }
    }

    @Test
    void reconnectDelayDoublesUpToTheMaximum() {
        AmiSettings settings = new PbxResourceAdapter().resolveSettings(ConfigOverrides.of(Map.of(
                "calldesk.ami.reconnect-initial-delay-millis", "100", "calldesk.ami.reconnect-max-delay-millis", "700")));

        assertThat(settings.reconnectDelay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.reconnectDelay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.reconnectDelay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(settings.reconnectDelay(4)).isEqualTo(Duration.ofMillis(700));
        assertThat(settings.reconnectDelay(40)).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void contextNamesThatCouldBreakTheDialplanAreRefused() {
        assertThatThrownBy(() -> new DialplanContexts("in bound", "c", "o", "h", "w", "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
