package dev.froster.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

  private static QueryParameters read(Set<String> known, String... nameValue) {
    MultivaluedHashMap<String, String> given = new MultivaluedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      given.add(nameValue[i], nameValue[i + 1]);
    }
    UriInfo uri =
        (UriInfo)
            Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(),
                new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getQueryParameters")) {
                    return given;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return QueryParameters.of(uri, known);
  }

  @Test
  void aLimitThatIsNotANumberIsRefusedByName() {
    InvalidParameterException refused =
        assertThrows(
            InvalidParameterException.class,
            () -> read(Set.of("limit"), "limit", "x").count("limit", 10, 1000));
    assertEquals("limit must be a whole number between 1 and 1000, was 'x'", refused.getMessage());
  }

  @Test
  void anIdThatIsNotANumberIsRefusedByName() {
    InvalidParameterException refused =
        assertThrows(
            InvalidParameterException.class,
            () ->
                read(Set.of("modelVersionId"), "modelVersionId", "x")
                    .positiveLong("modelVersionId"));
    assertEquals("modelVersionId must be a positive id, was 'x'", refused.getMessage());
  }

  @Test
  void anAbsentLimitFallsBack() {
    assertEquals(10, read(Set.of("limit")).count("limit", 10, 1000));
  }
}
