package app.chat.room;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/rooms}; the name is checked after trimming, by {@link RoomService}. */
public record NewRoom(@NotNull(message = "name is required") String name) {
}
