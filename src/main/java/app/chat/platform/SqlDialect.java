package app.chat.platform;

/**
 * Which database the chat talks to, for the few statements that standard SQL cannot say in one
 * round trip (an update that answers its new values). Taken from {@code chat.db.url}; a URL of
 * another driver (with its {@code chat.db.class}) is {@link #OTHER} and gets the standard statements.
 */
public enum SqlDialect {
    H2, POSTGRESQL, OTHER;

    public static SqlDialect of(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        return url.startsWith("jdbc:postgresql:") ? POSTGRESQL : OTHER;
    }

    /** This application's database. */
    public static SqlDialect configured() {
        return of(DatabaseSettings.read().url());
    }
}
