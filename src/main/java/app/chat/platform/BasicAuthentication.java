package app.chat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic against the chat's identity store, as {@code @BasicAuthenticationMechanismDefinition}
 * does it, with one difference: when checking the password needs the database and the database
 * cannot be reached, the answer is the API's 503 DATABASE_UNAVAILABLE with Retry-After. The built-in
 * mechanism lets the failure escape to the server, which answers an empty 500 that reads like a bug.
 */
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "chat";

    @Inject
    IdentityStoreHandler identities;

    @Inject
    ProxySettings proxies;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        UsernamePasswordCredential credential = credential(request.getHeader("Authorization"));
        if (credential != null) {
            CredentialValidationResult result;
            try {
                result = identities.validate(new ClientCredential(credential, proxies.clientAddress().of(request)));
            } catch (RuntimeException e) {
                if (!DatabaseFailure.isUnreachable(e)) {
                    throw e;
                }
                return databaseUnavailable(response);
            }
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        if (context.isProtected()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    /** The username and password of a Basic header, or null when there is none or it is malformed. */
    static UsernamePasswordCredential credential(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static AuthenticationStatus databaseUnavailable(HttpServletResponse response) {
        try {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", Integer.toString(ServerFailureMapper.RETRY_AFTER_SECONDS));
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Json.createObjectBuilder().add("code", ServerFailureMapper.DATABASE_UNAVAILABLE)
                    .add("message", ServerFailureMapper.DATABASE_UNAVAILABLE_MESSAGE).build().toString());
            response.flushBuffer();
        } catch (IOException gone) {
            // the client went away; there is nobody left to tell
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
