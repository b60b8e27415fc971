package app.chat.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/** Bean Validation failures (and explicit ValidationExceptions) become 400 INVALID_REQUEST. */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<ValidationException> {

    @Override
    public Response toResponse(ValidationException e) {
        String message = e instanceof ConstraintViolationException cve
                ? cve.getConstraintViolations().stream().map(ConstraintViolation::getMessage).sorted()
                        .collect(Collectors.joining("; "))
                : e.getMessage();
        return ApiError.response(Response.Status.BAD_REQUEST, "INVALID_REQUEST", message);
    }
}
