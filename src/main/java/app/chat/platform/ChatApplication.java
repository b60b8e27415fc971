package app.chat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API under /api, protected by HTTP Basic against the chat's users ({@link BasicAuthentication};
 * web.xml says which paths). The datasource {@value #DATASOURCE} is defined in web.xml (WildFly honours resource
 * definitions only on components or in descriptors) and reads MicroProfile Config
 * ({@link ConfiguredDataSource}), so H2 (default) and PostgreSQL differ only in configuration.
 */
@ApplicationPath("api")
@ApplicationScoped
public class ChatApplication extends Application {

    public static final String DATASOURCE = "java:app/jdbc/chat";
}
