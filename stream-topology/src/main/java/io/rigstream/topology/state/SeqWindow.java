package io.rigstream.topology.state;

import java.util.Arrays;

/**
 * The sequence numbers an equipment's gateway used recently: a high-water mark and one bit for each of the last
 * {@code size} numbers below it (a ring indexed by {@code seq mod size}). Bounded however long the equipment runs;
 * a number that fell below the window is judged by device-time identity instead.
 */
public final class SeqWindow {

    private static final long NONE = -1;

    private long highWater;
    private final long[] bits;

    public SeqWindow(int size) {
        this(NONE, new long[wordsFor(size)]);
    }

    SeqWindow(long highWater, long[] bits) {
        this.highWater = highWater;
        this.bits = bits;
    }

    private static int wordsFor(int size) {
        if (size <= 0 || size % 64 != 0) {
            throw new IllegalArgumentException("window size must be a positive multiple of 64, got " + size);
        }
        return size / 64;
    }

    public int size() {
        return bits.length * 64;
    }

    /** Whether {@code seq} is inside the window, where {@link #seen} can answer. */
    public boolean covers(long seq) {
        return highWater != NONE && seq <= highWater && seq > highWater - size();
    }

    public boolean seen(long seq) {
        return covers(seq) && (bits[word(seq)] & mask(seq)) != 0;
    }

    public void record(long seq) {
        if (highWater == NONE || seq > highWater) {
            advanceTo(seq);
        } else if (!covers(seq)) {
            return;
        }
        bits[word(seq)] |= mask(seq);
    }

    private void advanceTo(long seq) {
        if (highWater == NONE || seq - highWater >= size()) {
            Arrays.fill(bits, 0);
        } else {
            for (long s = highWater + 1; s <= seq; s++) {
                bits[word(s)] &= ~mask(s);
            }
        }
        highWater = seq;
    }

    private int word(long seq) {
        return (int) (Math.floorMod(seq, (long) size()) >>> 6);
    }

    private static long mask(long seq) {
        return 1L << (seq & 63);
    }

    long highWater() {
        return highWater;
    }

    long[] bits() {
        return bits;
    }
}
