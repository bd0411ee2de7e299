package pl.konwent.domain.documents;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * D3: the byte encoding the archive chain hashes: JSON as RFC 8785 (JCS) writes strings, integers, lists and
 * objects: no whitespace, object keys sorted, strings as they are but for {@code "}, {@code \} and control
 * characters ({@code \b \f \n \r \t}, the others as backslash, u and four lower-case hex digits), UTF-8. Python's
 * {@code json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} writes the same bytes, so
 * an outsider recomputes every hash with the standard library (README, "Archive chain").
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    /** Strings, {@code Long}/{@code Integer}, {@code List}s and {@code Map}s with string keys; nothing else. */
    public static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(out, (String) entry.getKey());
                out.append(':');
                write(out, entry.getValue());
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("not part of the canonical encoding: " + value);
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
