package dev.froster.interfaces.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Version 1 of the REST API. */
@ApplicationPath("api/v1")
@DeclareRoles({"archivist", "tagger", "admin"})
public class FrosterApi extends Application {}
