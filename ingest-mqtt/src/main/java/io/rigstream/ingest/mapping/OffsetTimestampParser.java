package io.rigstream.ingest.mapping;

import java.time.LocalDate;

/**
 * Parses the ISO-8601 date-times the contract allows for {@code ts} into epoch milliseconds,
 * without exceptions or regular expressions (this runs once per reading).
 *
 * <p>Accepted: {@code YYYY-MM-DDThh:mm[:ss[.f]]} followed by {@code Z} or an offset {@code ±hh:mm},
 * {@code ±hhmm} or {@code ±hh}; the fraction has 1-9 digits after {@code .} or {@code ,} (ISO-8601
 * allows both) and is truncated to milliseconds. {@code T} and {@code Z} may be lower case, as
 * RFC 3339 allows. A date-time without an offset is refused: it names no instant.
 */
final class OffsetTimestampParser {

    /** Returned for text that is not an accepted date-time; no 4-digit year comes near it. */
    static final long NOT_A_TIMESTAMP = Long.MIN_VALUE;

    private static final int SHORTEST = "2026-01-01T00:00Z".length();
    private static final int LONGEST = "2026-01-01T00:00:00.123456789+00:00".length();
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private OffsetTimestampParser() {
    }

    static long epochMillis(String text) {
        int n = text.length();
        if (n < SHORTEST || n > LONGEST
                || text.charAt(4) != '-' || text.charAt(7) != '-'
                || (text.charAt(10) != 'T' && text.charAt(10) != 't') || text.charAt(13) != ':') {
            return NOT_A_TIMESTAMP;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = 0;
        int millis = 0;
        int pos = 16;
        if (text.charAt(pos) == ':') {
            second = digits(text, pos + 1, 2);
            pos += 3;
            if (pos < n && (text.charAt(pos) == '.' || text.charAt(pos) == ',')) {
                int fractionStart = ++pos;
                while (pos < n && isDigit(text.charAt(pos))) {
                    if (pos - fractionStart < 3) {
                        millis = millis * 10 + (text.charAt(pos) - '0');
                    }
                    pos++;
                }
                int fractionDigits = pos - fractionStart;
                if (fractionDigits < 1 || fractionDigits > 9) {
                    return NOT_A_TIMESTAMP;
                }
                for (int d = fractionDigits; d < 3; d++) {
                    millis *= 10;
                }
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_A_TIMESTAMP;
        }
        LocalDate firstOfMonth = LocalDate.of(year, month, 1);
        int offsetSeconds = offsetSeconds(text, pos);
        if (day > firstOfMonth.lengthOfMonth() || offsetSeconds == Integer.MIN_VALUE) {
            return NOT_A_TIMESTAMP;
        }
        long epochDay = firstOfMonth.toEpochDay() + day - 1;
        long epochSecond = epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return epochSecond * 1_000 + millis;
    }

    /** The offset that spans {@code text[pos, end)} in seconds east of UTC, or Integer.MIN_VALUE. */
    private static int offsetSeconds(String text, int pos) {
        int n = text.length();
        if (pos >= n) {
            return Integer.MIN_VALUE;
        }
        char sign = text.charAt(pos);
        if (sign == 'Z' || sign == 'z') {
            return pos + 1 == n ? 0 : Integer.MIN_VALUE;
        }
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, pos + 1, 2);
        int minutes;
        int rest = n - (pos + 3);
        if (rest == 0) {
            minutes = 0;
        } else if (rest == 3 && text.charAt(pos + 3) == ':') {
            minutes = digits(text, pos + 4, 2);
        } else if (rest == 2) {
            minutes = digits(text, pos + 3, 2);
        } else {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        if (hours < 0 || minutes < 0 || minutes > 59 || seconds > MAX_OFFSET_SECONDS) {
            return Integer.MIN_VALUE;
        }
        return sign == '+' ? seconds : -seconds;
    }

    /** The decimal value of {@code count} digits at {@code start}, or -1 if any is missing or not a digit. */
    private static int digits(String text, int start, int count) {
        if (start + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
