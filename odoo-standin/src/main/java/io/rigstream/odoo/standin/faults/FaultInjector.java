package io.rigstream.odoo.standin.faults;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What tests tell the stand-in to do wrong. Every request first waits the configured latency, then may be answered
 * with a bare HTTP status (429/503 with Retry-After, 500 as an overloaded worker pool answers) or have its connection
 * dropped. {@code load} calls can additionally be answered with a serialization conflict, or be applied and then lose
 * their answer (dropped or held until released): the cases where Odoo committed but the client never heard so.
 */
public final class FaultInjector {

    /** An HTTP answer instead of the real one. */
    public record StatusAnswer(int status, Optional<Duration> retryAfter) {
    }

    /** What to do with a request before it reaches the server's logic. */
    public sealed interface Before permits Proceed, Answer, Drop {
    }

    public record Proceed() implements Before {
    }

    public record Answer(StatusAnswer answer) implements Before {
    }

    public record Drop() implements Before {
    }

    /** What to do with a {@code load} call. */
    public enum LoadFault { NONE, CONFLICT, LOSE_ANSWER, HOLD_ANSWER }

    private final Clock clock;
    private final Deque<Object> nextRequests = new ArrayDeque<>();
    private final Deque<LoadFault> nextLoads = new ArrayDeque<>();
    private volatile Duration latency = Duration.ZERO;
    private StatusAnswer windowAnswer;
    private Instant windowEnd = Instant.MIN;
    private CountDownLatch held = new CountDownLatch(1);

    public FaultInjector(Clock clock) {
        this.clock = clock;
    }

    /** Every request takes at least this long: a loaded or distant server. */
    public FaultInjector delayEachRequest(Duration delay) {
        latency = delay;
        return this;
    }

    public synchronized FaultInjector answerNext(int count, int status) {
        return answerNext(count, status, Optional.empty());
    }

    public synchronized FaultInjector answerNext(int count, int status, Optional<Duration> retryAfter) {
        for (int i = 0; i < count; i++) {
            nextRequests.add(new StatusAnswer(status, retryAfter));
        }
        return this;
    }

    /** Answers every request with {@code status} until {@code duration} has passed. */
    public synchronized FaultInjector answerFor(Duration duration, int status, Optional<Duration> retryAfter) {
        windowAnswer = new StatusAnswer(status, retryAfter);
        windowEnd = clock.instant().plus(duration);
        return this;
    }

    public synchronized FaultInjector dropNext(int count) {
        for (int i = 0; i < count; i++) {
            nextRequests.add(new Drop());
        }
        return this;
    }

    public synchronized FaultInjector conflictOnNextLoads(int count) {
        return queueLoads(count, LoadFault.CONFLICT);
    }

    public synchronized FaultInjector loseAnswerOfNextLoads(int count) {
        return queueLoads(count, LoadFault.LOSE_ANSWER);
    }

    /** The next loads are applied, then their answers wait until {@link #releaseHeldAnswers()}. */
    public synchronized FaultInjector holdAnswerOfNextLoads(int count) {
        return queueLoads(count, LoadFault.HOLD_ANSWER);
    }

    public synchronized void releaseHeldAnswers() {
        held.countDown();
        held = new CountDownLatch(1);
    }

    /** Back to a healthy server. */
    public synchronized void clear() {
        nextRequests.clear();
        nextLoads.clear();
        windowEnd = Instant.MIN;
        latency = Duration.ZERO;
        releaseHeldAnswers();
    }

    public Duration latency() {
        return latency;
    }

    public synchronized Before before() {
        if (clock.instant().isBefore(windowEnd)) {
            return new Answer(windowAnswer);
        }
        Object next = nextRequests.poll();
        if (next instanceof StatusAnswer answer) {
            return new Answer(answer);
        }
        return next instanceof Drop drop ? drop : new Proceed();
    }

    public synchronized LoadFault nextLoad() {
        LoadFault fault = nextLoads.poll();
        return fault == null ? LoadFault.NONE : fault;
    }

    /** Blocks a handler thread holding an answer, at most {@code limit}. */
    public void awaitRelease(Duration limit) throws InterruptedException {
        CountDownLatch latch;
        synchronized (this) {
            latch = held;
        }
        latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private FaultInjector queueLoads(int count, LoadFault fault) {
        for (int i = 0; i < count; i++) {
            nextLoads.add(fault);
        }
        return this;
    }
}
