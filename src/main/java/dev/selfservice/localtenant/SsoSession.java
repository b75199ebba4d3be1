package dev.selfservice.localtenant;

import java.time.Instant;

/** The tenant's own session cookie, as Auth0's: a second {@code /authorize} skips the login page while it lasts. */
record SsoSession(String userId, Instant authTime) {
}
