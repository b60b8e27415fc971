package app.chat.room;

import jakarta.validation.constraints.NotNull;

/**
 * The body of PUT /api/rooms/{id}/read: the seq of the newest entry the reader has seen. Its range
 * (0 to the room's last seq) is RoomService's to check: Payara's OpenAPI generator fails on a
 * {@code @PositiveOrZero} record component, and the upper bound needs the room anyway.
 */
public record ReadUpTo(@NotNull(message = "seq is required") Long seq) {
}
