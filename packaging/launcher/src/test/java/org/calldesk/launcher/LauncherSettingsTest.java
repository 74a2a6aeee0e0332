package org.calldesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

    @Test
    void withNothingGivenTheEmbeddedDefaultsApply() {
        LauncherSettings settings = LauncherSettings.parse(new String[0], Map.of());
        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.amiPort()).isEqualTo(5038);
        assertThat(settings.brokerPort()).isEqualTo(61616);
        assertThat(settings.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
        assertThat(settings.dbUrl()).startsWith("jdbc:h2:file:").contains(settings.dataDir().toString());
        assertThat(settings.dataSourceClass()).isEqualTo("org.h2.Driver");
    }

    @Test
    void flagsWinOverTheEnvironmentWhichWinsOverDefaults() {
        LauncherSettings settings = LauncherSettings.parse(new String[] {"--http-port", "9090"},
                Map.of("CALLDESK_HTTP_PORT", "7070", "CALLDESK_AMI_PORT", "15038"));
        assertThat(settings.httpPort()).isEqualTo(9090);
        assertThat(settings.amiPort()).isEqualTo(15038);
    }

    @Test
    void aPostgresUrlSelectsThePostgresDataSource() {
        LauncherSettings settings = LauncherSettings.parse(
                new String[] {"--db-url", "jdbc:postgresql://127.0.0.1:5432/calldesk"}, Map.of());
        assertThat(settings.dataSourceClass()).isEqualTo("org.postgresql.ds.PGSimpleDataSource");
    }

    @Test
    void offLoopbackTheBrokerNeedsTheIntegrationPasswordAndItIsNeverShown() {
        LauncherSettings embedded = LauncherSettings.parse(new String[0], Map.of());
        assertThat(embedded.brokerBind()).isEqualTo("127.0.0.1");
        assertThat(embedded.brokerSecured()).isFalse();

        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--broker-bind", "0.0.0.0"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--broker-password");
        LauncherSettings production = LauncherSettings.parse(new String[] {"--broker-bind", "0.0.0.0"},
                Map.of("CALLDESK_BROKER_PASSWORD", "s3cret-crm", "CALLDESK_DB_PASSWORD", "s3cret-db"));
        assertThat(production.brokerSecured()).isTrue();
        assertThat(production.brokerUser()).isEqualTo("calldesk-integration");
        assertThat(production.brokerPassword()).isEqualTo("s3cret-crm");
        assertThat(production.toString()).doesNotContain("s3cret").contains("calldesk-integration");
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--http-port", "eighty"}, Map.of()))
                .hasMessageContaining("--http-port must be a TCP port");
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--colour", "blue"}, Map.of()))
                .hasMessageContaining("unknown option: --colour");
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--data"}, Map.of()))
                .hasMessageContaining("incomplete option");
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--db-url", "jdbc:oracle:thin:@x"}, Map.of())
                .dataSourceClass()).hasMessageContaining("H2 or PostgreSQL");
    }

    @Test
    void theApplicationGetsTheDatabaseAndPbxSettingsAndTheDemoAccounts() {
        LauncherSettings settings = LauncherSettings.parse(new String[] {"--ami-port", "15038"}, Map.of());
        Map<String, String> properties = CallDeskLauncher.applicationProperties(settings, "tcp://127.0.0.1:61616");
        assertThat(properties).containsEntry("calldesk.ami.port", "15038")
                .containsEntry("calldesk.datasource.url", settings.dbUrl())
                .containsEntry("calldesk.datasource.class", "org.h2.Driver")
                .containsEntry("calldesk.demo.enabled", "true")
                .containsEntry("calldesk.simulator.url", "http://127.0.0.1:8088")
                .containsKeys("calldesk.ami.host", "calldesk.ami.username", "calldesk.ami.secret",
                        "calldesk.datasource.user", "calldesk.datasource.password");
    }

    @Test
    void theLauncherCanBePointedAtARealPbxAndItsSecretIsNeverShown() {
        LauncherSettings settings = LauncherSettings.parse(new String[] {"--simulator", "off", "--ami-host", "pbx.example",
                "--ami-port", "5039", "--ami-user", "calldesk-prod"}, Map.of("CALLDESK_AMI_SECRET", "s3cret-ami"));
        assertThat(settings.simulator()).isFalse();
        assertThat(settings.amiSecret()).isEqualTo("s3cret-ami");
        assertThat(settings.toString()).contains("calldesk-prod@pbx.example:5039", "real PBX").doesNotContain("s3cret");
        Map<String, String> properties = CallDeskLauncher.applicationProperties(settings, "tcp://127.0.0.1:61616");
        assertThat(properties).containsEntry("calldesk.ami.host", "pbx.example")
                .containsEntry("calldesk.ami.port", "5039")
                .containsEntry("calldesk.ami.username", "calldesk-prod")
                .containsEntry("calldesk.ami.secret", "s3cret-ami")
                .doesNotContainKey("calldesk.simulator.url");

        assertThat(LauncherSettings.parse(new String[] {"--no-simulator"}, Map.of()).simulator()).isFalse();
        assertThat(LauncherSettings.parse(new String[0], Map.of("CALLDESK_SIMULATOR", "off")).simulator()).isFalse();
        assertThat(LauncherSettings.parse(new String[0], Map.of()).simulator()).isTrue();
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--ami-host", "pbx.example"}, Map.of()))
                .hasMessageContaining("--simulator off");
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--simulator", "maybe"}, Map.of()))
                .hasMessageContaining("on or off");
    }

    @Test
    void payaraRestartsAreBoundedByASetting() {
        assertThat(LauncherSettings.parse(new String[0], Map.of()).payaraRestarts()).isEqualTo(5);
        assertThat(LauncherSettings.parse(new String[] {"--payara-restarts", "0"}, Map.of()).payaraRestarts()).isZero();
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--payara-restarts", "-1"}, Map.of()))
                .hasMessageContaining("--payara-restarts must be a number");
    }
}
