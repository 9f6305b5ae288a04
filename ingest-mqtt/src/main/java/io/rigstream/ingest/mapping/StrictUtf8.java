package io.rigstream.ingest.mapping;

/**
 * Checks that a body is well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates,
 * nothing above U+10FFFF) before Jackson sees it. Jackson alone is not enough: it guesses
 * UTF-16/32 from zero bytes, and does not check every multi-byte sequence.
 *
 * <p>A NUL byte is refused too: JSON never contains a raw U+0000 (not even inside strings), and
 * with no zero byte Jackson's encoding detection always lands on UTF-8.
 */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** The offset of the first byte that breaks the rules above, or -1 when there is none. */
    static int firstInvalidByte(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i];
            if (b > 0) {
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i, b & 0xFF);
            if (length == 0) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /** Length of the well-formed sequence starting with lead byte {@code b} at {@code i}, or 0. */
    private static int sequenceLength(byte[] bytes, int i, int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            return isContinuation(bytes, i + 1) ? 2 : 0;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            int low = b == 0xE0 ? 0xA0 : 0x80;   // E0 80..9F would be overlong
            int high = b == 0xED ? 0x9F : 0xBF;  // ED A0..BF would be a UTF-16 surrogate
            return isInRange(bytes, i + 1, low, high) && isContinuation(bytes, i + 2) ? 3 : 0;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            int low = b == 0xF0 ? 0x90 : 0x80;   // F0 80..8F would be overlong
            int high = b == 0xF4 ? 0x8F : 0xBF;  // F4 90.. would be above U+10FFFF
            return isInRange(bytes, i + 1, low, high)
                    && isContinuation(bytes, i + 2) && isContinuation(bytes, i + 3) ? 4 : 0;
        }
        return 0;
    }

    private static boolean isContinuation(byte[] bytes, int i) {
        return isInRange(bytes, i, 0x80, 0xBF);
    }

    private static boolean isInRange(byte[] bytes, int i, int low, int high) {
        if (i >= bytes.length) {
            return false;
        }
        int b = bytes[i] & 0xFF;
        return b >= low && b <= high;
    }
}
