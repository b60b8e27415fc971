package app.chat.room;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The body of PUT /api/rooms/{id}/read: the seq of the newest entry the reader has seen. */
public record ReadUpTo(@NotNull(message = "seq is required") @PositiveOrZero(message = "seq must be 0 or more") Long seq) {
}
