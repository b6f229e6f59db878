package dev.froster.application;

/** The state of what Froster depends on, for health checks and the admin pages. */
public interface PlatformStatusService {

  DatabaseStatus database();
}
