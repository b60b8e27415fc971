package app.chat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API under /api, protected by HTTP Basic against the chat's users ({@link ApiAuthentication}: a session's Bearer token or Basic;
 * web.xml says which paths). The datasource {@value #DATASOURCE} is defined in web.xml (WildFly honours resource
 * definitions only on components or in descriptors) and reads MicroProfile Config
 * ({@link ConfiguredDataSource}), so H2 (default) and PostgreSQL differ only in configuration.
 * The servers publish the API's OpenAPI document at /openapi from these annotations and the resources'.
 */
@ApplicationPath("api")
@ApplicationScoped
@OpenAPIDefinition(info = @Info(title = "chat", version = "1",
        description = "Users, rooms and history of the chat; messages themselves travel over STOMP (see README.md). "
                + "Errors have the body {\"code\",\"message\"}."))
@SecurityScheme(securitySchemeName = ChatApplication.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "a chat user's username and password; every call that takes it also takes the Bearer token of a session")
@SecurityScheme(securitySchemeName = ChatApplication.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "the token of a session (POST /api/sessions)")
public class ChatApplication extends Application {

    public static final String DATASOURCE = "java:app/jdbc/chat";

    /** The OpenAPI security scheme of the calls that need a chat user (all but sign-up and /api/config). */
    public static final String BASIC = "basic";

    /** The OpenAPI security scheme of a session's token (POST /api/sessions), accepted wherever Basic is. */
    public static final String BEARER = "bearer";
}
