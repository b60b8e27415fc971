package app.chat.room;

import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /api/rooms}; the name is checked after trimming, by {@link RoomService}.
 * {@code visibility} is {@code public} (the default) or {@code private}.
 */
public record NewRoom(@NotNull(message = "name is required") String name, String visibility) {
}
