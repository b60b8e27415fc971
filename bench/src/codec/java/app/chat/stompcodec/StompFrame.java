package app.chat.stompcodec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One STOMP 1.2 frame, and its encoding: the codec that the chat's test client and the benchmark
 * share (this directory is a source root of both builds). Header names and values are escaped as
 * STOMP 1.2 requires, except in CONNECT and CONNECTED frames, where the spec says they are not.
 * Streams of frames are read with {@link StompFrameReader}.
 */
public record StompFrame(String command, Map<String, String> headers, String body) {

    public StompFrame {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    /** A frame with headers given as name, value, name, value, ..., kept in that order. */
    public static StompFrame of(String command, String body, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name, value pairs");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.putIfAbsent(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new StompFrame(command, headers, body);
    }

    public String header(String name) {
        return headers.get(name);
    }

    /**
     * This frame with a content-length header: the body's length in bytes of UTF-8, as stomp.js
     * sends it (Artemis then makes a SEND a bytes message, as it does a browser's). A content-length
     * the frame already has is replaced.
     */
    public StompFrame withContentLength() {
        Map<String, String> withLength = new LinkedHashMap<>(headers);
        withLength.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        return new StompFrame(command, withLength, body);
    }

    /** The frame's bytes, NUL included, with exactly the headers it has (see {@link #withContentLength()}). */
    public byte[] encode() {
        boolean escaped = escapes(command);
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        var out = new ByteArrayOutputStream(64 + content.length);
        out.writeBytes(command.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        headers.forEach((name, value) -> {
            out.writeBytes((escaped ? escape(name) : name).getBytes(StandardCharsets.UTF_8));
            out.write(':');
            out.writeBytes((escaped ? escape(value) : value).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        });
        out.write('\n');
        out.writeBytes(content);
        out.write(0);
        return out.toByteArray();
    }

    /** {@link #encode()} as text, for a WebSocket text message. */
    public String encodeText() {
        byte[] bytes = encode();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The frame in buf[start, bodyEnd) as {@link StompFrameReader} found it: the command line, the
     * header lines up to bodyStart, the body in [bodyStart, bodyEnd) as UTF-8. A repeated header:
     * the first one counts, as STOMP 1.2 says.
     */
    public static StompFrame parse(byte[] buf, int start, int bodyStart, int bodyEnd) {
        int lineEnd = lineEnd(buf, start, bodyStart);
        String command = line(buf, start, lineEnd);
        boolean escaped = escapes(command);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int from = lineEnd + 1; from < bodyStart; from = lineEnd + 1) {
            lineEnd = lineEnd(buf, from, bodyStart);
            String line = line(buf, from, lineEnd);
            if (line.isEmpty()) {
                break; // the blank line before the body
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon);
                String value = line.substring(colon + 1);
                headers.putIfAbsent(escaped ? unescape(name) : name, escaped ? unescape(value) : value);
            }
        }
        return new StompFrame(command, headers, new String(buf, bodyStart, bodyEnd - bodyStart, StandardCharsets.UTF_8));
    }

    /** STOMP 1.2: CONNECT and CONNECTED frames do not escape their headers; every other frame does. */
    private static boolean escapes(String command) {
        return !command.equals("CONNECT") && !command.equals("CONNECTED");
    }

    private static int lineEnd(byte[] buf, int from, int limit) {
        int i = from;
        while (i < limit && buf[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The line in buf[from, end) without its trailing CR. */
    private static String line(byte[] buf, int from, int end) {
        int to = end > from && buf[end - 1] == '\r' ? end - 1 : end;
        return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0 && s.indexOf(':') < 0) {
            return s;
        }
        var sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case ':' -> sb.append("\\c");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** STOMP 1.2's four escapes; any other backslash sequence (a spec error) is kept as it came. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        var sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case '\\' -> sb.append('\\');
                case 'r' -> sb.append('\r');
                case 'n' -> sb.append('\n');
                case 'c' -> sb.append(':');
                default -> sb.append('\\').append(next);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return command + " " + headers + " " + body;
    }
}
