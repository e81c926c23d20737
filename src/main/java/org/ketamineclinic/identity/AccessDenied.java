package org.ketamineclinic.identity;

import org.jspecify.annotations.Nullable;

/**
 * Someone was refused: not signed in, or signed in without the role for the action. Published
 * synchronously so that the audit records the attempt even though nothing else happens.
 */
public record AccessDenied(@Nullable ClinicUser user, String method, String path, @Nullable String clientAddress) {
}
