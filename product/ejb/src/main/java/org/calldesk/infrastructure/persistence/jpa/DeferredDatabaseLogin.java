package org.calldesk.infrastructure.persistence.jpa;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import org.calldesk.infrastructure.health.SettingsToFix;
import org.eclipse.persistence.internal.sessions.DatabaseSessionImpl;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Lets EclipseLink's persistence unit start while its database does not answer, instead of failing
 * the deployment (named in persistence.xml as {@code eclipselink.session.customizer}; Hibernate, on
 * WildFly, does not read it).
 *
 * <p>GlassFish validates every persistence unit while deploying by opening an entity manager, which
 * makes EclipseLink log in to the data source: with the database down, the whole deployment was
 * refused (EclipseLink-4002), and GlassFish has no option around it. EclipseLink's login needs a
 * connection twice: to find out which database it is, and to prime its connection pools. When the
 * database does not answer as the persistence unit starts, this says which database it is
 * (PostgreSQL, the one database CallDesk supports on the full servers besides Payara Server's
 * embedded H2, which always answers) and gives the login a stand-in connection that is never used
 * for work. Once logged in, every connection comes from the server's pool as usual, so the
 * application works as soon as the database answers (Flyway migrates it first, see
 * {@code DatabaseMigration}); until then its work fails, and says so in the health check.
 */
public class DeferredDatabaseLogin implements org.eclipse.persistence.config.SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(DeferredDatabaseLogin.class.getName());

    /** The database assumed when it cannot be asked. */
    static final String ASSUMED_PRODUCT = "PostgreSQL";

    @Override
    public void customize(Session session) {
        if (!(session.getDatasourceLogin() instanceof DatasourceLogin login) || !login.shouldUseExternalConnectionPooling()
                || answers(login.getConnector(), session)) {
            return; // EclipseLink's own pool would keep stand-in connections: only the server's pool is taken per use
        }
        LOG.warning(() -> "the database does not answer as the persistence unit starts; it starts all the same, "
                + "taking the database for " + ASSUMED_PRODUCT + ", and works once the database answers; "
                + SettingsToFix.DATABASE);
        session.setProperty("jakarta.persistence.database-product-name", ASSUMED_PRODUCT);
        session.setProperty("jakarta.persistence.database-major-version", "10");
        Set<Login> logins = new LinkedHashSet<>();
        logins.add(login);
        if (session instanceof ServerSession server) {
            for (ConnectionPool pool : server.getConnectionPools().values()) {
                logins.add(pool.getLogin());
            }
            if (server.getReadConnectionPool() != null) {
                logins.add(server.getReadConnectionPool().getLogin());
            }
        }
        for (Login each : logins) {
            if (each instanceof DatasourceLogin datasourceLogin && !(datasourceLogin.getConnector() instanceof WithoutDatabaseAtLogin)) {
                datasourceLogin.setConnector(new WithoutDatabaseAtLogin(datasourceLogin.getConnector()));
            }
        }
    }

    private static boolean answers(Connector connector, Session session) {
        try {
            connector.connect(new Properties(), session).close();
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The server's connections; a stand-in one while the session logs in without the database. */
    static final class WithoutDatabaseAtLogin implements Connector {

        private static final long serialVersionUID = 1L;

        private Connector real;

        WithoutDatabaseAtLogin(Connector real) {
            this.real = real;
        }

        @Override
        public Connection connect(Properties properties, Session session) {
            try {
                return real.connect(properties, session);
            } catch (RuntimeException e) {
                if (!(session instanceof DatabaseSessionImpl database) || database.isLoggedIn()) {
                    throw e; // at work: the database's failure is the work's
                }
                return standIn();
            }
        }

        private static Connection standIn() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> switch (method.getName()) {
                        case "close" -> null;
                        case "isClosed" -> false;
                        case "getAutoCommit" -> true;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == arguments[0];
                        case "toString" -> "no connection: the database did not answer when the persistence unit started";
                        default -> throw new SQLException("the database did not answer when the persistence unit started");
                    });
        }

        @Override
        public Object clone() {
            try {
                WithoutDatabaseAtLogin copy = (WithoutDatabaseAtLogin) super.clone();
                copy.real = (Connector) real.clone();
                return copy;
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void toString(PrintWriter writer) {
            real.toString(writer);
        }

        @Override
        public String getConnectionDetails() {
            return real.getConnectionDetails();
        }
    }
}
