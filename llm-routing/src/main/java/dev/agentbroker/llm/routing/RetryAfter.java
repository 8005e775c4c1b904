package dev.agentbroker.llm.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses {@code Retry-After} (RFC 9110, 10.2.3): delay seconds or an HTTP-date; also {@code retry-after-ms}. */
final class RetryAfter {
    private RetryAfter() {
    }

    static Duration parse(Optional<String> seconds, Optional<String> millis, Instant now) {
        if (millis.isPresent()) {
            try {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.get().trim())));
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        if (seconds.isEmpty()) {
            return null;
        }
        String text = seconds.get().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
