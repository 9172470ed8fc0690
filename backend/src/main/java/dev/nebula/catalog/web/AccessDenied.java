package dev.nebula.catalog.web;

/** Fired when a signed-in caller was refused for lack of role; the audit trail records it. */
public record AccessDenied(String actor, String role, String method, String path, String requestId, String clientAddress) {
}
