package dev.froster.application.internal;

import jakarta.ejb.ApplicationException;
import java.sql.SQLException;

/**
 * Another transaction registered the same bytes (or external id) between this one's look-up and its
 * insert, and a unique constraint refused the insert. An application exception: the transaction
 * rolls back and the caller tries again (and then finds the other asset), without the container
 * reporting an unexpected error.
 */
@ApplicationException(rollback = true)
class ConcurrentRegistrationException extends RuntimeException {

  ConcurrentRegistrationException(Throwable cause) {
    super("a concurrent registration inserted the same asset first", cause);
  }

  /** Whether a unique constraint (SQLSTATE 23505) refused an insert somewhere in the chain. */
  static boolean isUniqueViolation(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }
}
