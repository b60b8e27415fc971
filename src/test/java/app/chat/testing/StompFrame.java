package app.chat.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** One STOMP 1.2 frame, as the tests send and receive them. */
public record StompFrame(String command, Map<String, String> headers, String body) {

    public String header(String name) {
        return headers.get(name);
    }

    /** Encodes the frame; header values are escaped as STOMP 1.2 requires. */
    public String encode() {
        var sb = new StringBuilder(command).append('\n');
        headers.forEach((k, v) -> sb.append(escape(k)).append(':').append(escape(v)).append('\n'));
        return sb.append('\n').append(body == null ? "" : body).append('\0').toString();
    }

    /** Decodes one frame (without its trailing NUL). Repeated headers: the first one counts. */
    public static StompFrame decode(String raw) {
        int headerEnd = raw.indexOf("\n\n");
        String head = headerEnd < 0 ? raw : raw.substring(0, headerEnd);
        String body = headerEnd < 0 ? "" : raw.substring(headerEnd + 2);
        String[] lines = head.split("\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(unescape(line.substring(0, colon)), unescape(line.substring(colon + 1)));
            }
        }
        String command = lines[0].endsWith("\r") ? lines[0].substring(0, lines[0].length() - 1) : lines[0];
        return new StompFrame(command, headers, body);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace(":", "\\c");
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\c", ":").replace("\\\\", "\\");
    }

    @Override
    public String toString() {
        return command + " " + headers + " " + body;
    }
}
