package app.chat.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a call to the API says who it is: {@code Authorization: Bearer <session token>} (what the web
 * client sends, see POST /api/sessions) or HTTP Basic with username and password (for scripts), both
 * checked by the chat's identity store. Basic works as {@code @BasicAuthenticationMechanismDefinition}
 * does it, with one difference: when checking the credential needs the database and the database
 * cannot be reached, the answer is the API's 503 DATABASE_UNAVAILABLE with Retry-After. The built-in
 * mechanism lets the failure escape to the server, which answers an empty 500 that reads like a bug.
 * A token that is unknown or has expired gets a 401 with a Bearer challenge (browsers show no login
 * dialog for it) and the API's JSON error, so the web client knows to sign in again.
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "chat";
    static final String SESSION_ENDED = "SESSION_ENDED";

    @Inject
    IdentityStoreHandler identities;

    @Inject
    ProxySettings proxies;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        BearerCredential bearer = BearerCredential.of(authorization);
        Credential credential = bearer != null ? bearer : credential(authorization);
        if (credential != null) {
            CredentialValidationResult result;
            try {
                // a password is throttled per client address too; a token is too long to guess
                result = identities.validate(credential instanceof UsernamePasswordCredential password
                        ? new ClientCredential(password, proxies.clientAddress().of(request)) : credential);
            } catch (RuntimeException e) {
                if (!DatabaseFailure.isUnreachable(e)) {
                    throw e;
                }
                return failure(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ServerFailureMapper.DATABASE_UNAVAILABLE,
                        ServerFailureMapper.DATABASE_UNAVAILABLE_MESSAGE);
            }
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        if (context.isProtected() && bearer != null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
            return failure(response, HttpServletResponse.SC_UNAUTHORIZED, SESSION_ENDED,
                    "the session has ended or expired; sign in again");
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

    /** Answers with the API's JSON error; a 503 says when to try again. */
    private static AuthenticationStatus failure(HttpServletResponse response, int status, String code, String message) {
        try {
            response.setStatus(status);
            if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                response.setHeader("Retry-After", Integer.toString(ServerFailureMapper.RETRY_AFTER_SECONDS));
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Json.createObjectBuilder().add("code", code).add("message", message).build().toString());
            response.flushBuffer();
        } catch (IOException gone) {
            // the client went away; there is nobody left to tell
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
