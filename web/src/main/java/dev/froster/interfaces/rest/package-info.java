/**
 * The REST API under {@code /froster/api/v1}: JSON in and out, errors as RFC 9457 problem details
 * ({@code application/problem+json}), every resource guarded by {@code @RolesAllowed}.
 */
package dev.froster.interfaces.rest;
