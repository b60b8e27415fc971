package bench;

/**
 * What the generator writes into each message's text and finds again in each delivery:
 * {@code #step#intendedNanos#indexInRoom#sender#}. Parsed from bytes with no allocation; '#' occurs
 * nowhere else in the chat's JSON (names, ids and timestamps are letters, digits and punctuation
 * other than '#'). The app's per-room "seq" is picked up too when the body has one.
 */
final class Tag {

    static final int STEP = 0;
    static final int INTENDED = 1;
    static final int INDEX = 2;
    static final int SENDER = 3;
    static final int SEQ = 4;
    static final int FIELDS = 5;

    private Tag() {
    }

    static String text(int step, long intendedNanos, int indexInRoom, int sender) {
        return "#" + step + "#" + intendedNanos + "#" + indexInRoom + "#" + sender + "#";
    }

    /** Fills out[STEP..SEQ] (SEQ = -1 without a "seq") from buf[from, to); false if there is no tag. */
    static boolean parse(byte[] buf, int from, int to, long[] out) {
        int i = indexOf(buf, from, to, (byte) '#');
        if (i < 0) {
            return false;
        }
        i++;
        for (int f = STEP; f <= SENDER; f++) {
            long v = 0;
            byte b;
            while (i < to && (b = buf[i]) != '#') {
                v = v * 10 + (b - '0');
                i++;
            }
            out[f] = v;
            i++;
        }
        out[SEQ] = seq(buf, from, to);
        return i <= to;
    }

    /** The number after {@code "seq":}, or -1. */
    private static long seq(byte[] buf, int from, int to) {
        int i = from;
        while ((i = indexOf(buf, i, to, (byte) '"')) >= 0 && i + 6 < to) {
            if (buf[i + 1] == 's' && buf[i + 2] == 'e' && buf[i + 3] == 'q' && buf[i + 4] == '"' && buf[i + 5] == ':') {
                long v = 0;
                int j = i + 6;
                byte b;
                while (j < to && (b = buf[j]) >= '0' && b <= '9') {
                    v = v * 10 + (b - '0');
                    j++;
                }
                return v;
            }
            i++;
        }
        return -1;
    }

    private static int indexOf(byte[] buf, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (buf[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
