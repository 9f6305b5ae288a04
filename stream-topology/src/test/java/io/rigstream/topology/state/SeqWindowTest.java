package io.rigstream.topology.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeqWindowTest {

    @Test
    void remembersRecentSequenceNumbersInAnyOrder() {
        SeqWindow window = new SeqWindow(128);
        window.record(10);
        window.record(7);
        window.record(12);
        assertThat(window.seen(10)).isTrue();
        assertThat(window.seen(7)).isTrue();
        assertThat(window.seen(12)).isTrue();
        assertThat(window.seen(11)).isFalse();
        assertThat(window.seen(13)).isFalse();
    }

    @Test
    void numbersThatFallOutOfTheWindowAreNoLongerCovered() {
        SeqWindow window = new SeqWindow(64);
        window.record(5);
        window.record(100);
        assertThat(window.covers(5)).isFalse();
        assertThat(window.seen(5)).isFalse();
        assertThat(window.covers(37)).isTrue();
        assertThat(window.seen(37)).isFalse();
    }

    @Test
    void advancingClearsTheSlotsItReuses() {
        SeqWindow window = new SeqWindow(64);
        window.record(1);
        window.record(65);
        assertThat(window.seen(65)).isTrue();
        assertThat(window.seen(1)).isFalse();
        window.record(70);
        assertThat(window.seen(66)).isFalse();
    }

    @Test
    void aLongJumpForgetsEverything() {
        SeqWindow window = new SeqWindow(64);
        window.record(3);
        window.record(1_000_000);
        assertThat(window.seen(1_000_000)).isTrue();
        assertThat(window.seen(999_999)).isFalse();
    }

    @Test
    void theSizeMustBeAMultipleOf64() {
        assertThatThrownBy(() -> new SeqWindow(100)).isInstanceOf(IllegalArgumentException.class);
    }
}
