package dev.froster.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.TreeSet;

/**
 * Errors the JAX-RS runtime raises itself (no such path, wrong method, unacceptable {@code Accept},
 * unsupported {@code Content-Type}, a path id that is not a number, {@code @RolesAllowed} refusals)
 * as problem details with the runtime's status and headers ({@code Allow} on a 405).
 *
 * <p>The runtime's own text is dropped: it names RESTEasy message codes, full URLs and parameter
 * annotations. A response that already is a problem document is passed through unchanged.
 * Redirections are no errors and keep their response. The domain's exceptions have their own
 * mappers, which JAX-RS prefers because none of them is a {@link WebApplicationException}.
 */
@Provider
public class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {

  private static final MediaType PROBLEM = new MediaType("application", "problem+json");

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response given = exception.getResponse();
    int status = given.getStatus();
    if (status < 400 || (given.hasEntity() && PROBLEM.isCompatible(given.getMediaType()))) {
      return given;
    }
    return Response.fromResponse(given)
        .header(HttpHeaders.CONTENT_LENGTH, null)
        .type(Problems.MEDIA_TYPE)
        .entity(
            status == 405
                ? Problems.ofStatus(status, "allowed: " + allowed(given))
                : Problems.ofStatus(status))
        .build();
  }

  private static String allowed(Response notAllowed) {
    return String.join(", ", new TreeSet<>(notAllowed.getAllowedMethods()));
  }
}
