package app.chat.message;

import jakarta.validation.ValidationException;

/**
 * A page of history: limit 1-200 (default 50), optionally only seqs before and/or after given ones.
 * With {@code after} (0 included: "from the start") the page is the oldest messages after it;
 * otherwise the newest ones before {@code before}.
 */
record HistoryQuery(int limit, long before, long after, boolean fromOldest) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    static HistoryQuery of(String limit, String before, String after) {
        int n = limit == null ? DEFAULT_LIMIT : (int) number("limit", limit, 1, MAX_LIMIT);
        long b = before == null ? Long.MAX_VALUE : number("before", before, 1, Long.MAX_VALUE);
        long a = after == null ? 0 : number("after", after, 0, Long.MAX_VALUE);
        return new HistoryQuery(n, b, a, after != null);
    }

    private static long number(String name, String raw, long min, long max) {
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the one message below
        }
        throw new ValidationException(name + " must be an integer from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max));
    }
}
