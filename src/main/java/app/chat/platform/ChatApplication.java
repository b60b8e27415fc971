package app.chat.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API under /api, protected by HTTP Basic against the chat's users (see web.xml for
 * which paths). The datasource reads MicroProfile Config ({@link ConfiguredDataSource}), so H2
 * (default) and PostgreSQL differ only in configuration.
 */
@ApplicationPath("api")
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "chat")
@DataSourceDefinition(
        name = ChatApplication.DATASOURCE,
        className = "app.chat.platform.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true"})
public class ChatApplication extends Application {

    public static final String DATASOURCE = "java:app/jdbc/chat";
}
