package io.rigstream.topology.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every assignment of one equipment, past and present, ordered by start. Usage is attributed to the assignment that
 * covers a reading's device time, so a late reading after a transfer still lands on the job it was recorded on.
 * The compacted assignments topic keeps all of them too, so this list is as long as the equipment's rental history.
 */
public record AssignmentHistory(List<AssignmentInterval> assignments) {

    private static final Comparator<AssignmentInterval> BY_START =
            Comparator.comparingLong(AssignmentInterval::validFrom).thenComparing(AssignmentInterval::assignmentId);

    public static final AssignmentHistory EMPTY = new AssignmentHistory(List.of());

    public AssignmentHistory {
        assignments = assignments.stream().sorted(BY_START).toList();
    }

    /** This history with {@code assignment} added, replacing one with the same id. */
    public AssignmentHistory with(AssignmentInterval assignment) {
        List<AssignmentInterval> next = new ArrayList<>(without(assignment.assignmentId()).assignments);
        next.add(assignment);
        return new AssignmentHistory(next);
    }

    public AssignmentHistory without(String assignmentId) {
        return new AssignmentHistory(assignments.stream().filter(a -> !a.assignmentId().equals(assignmentId)).toList());
    }

    /**
     * The assignment covering {@code ts}. Overlapping assignments are a data error upstream; the one that started
     * last wins, which is what a dispatcher who forgot to close the previous one meant.
     */
    public Optional<AssignmentInterval> at(long ts) {
        AssignmentInterval found = null;
        for (AssignmentInterval a : assignments) {
            if (a.covers(ts)) {
                found = a;
            }
        }
        return Optional.ofNullable(found);
    }

    public List<AssignmentInterval> overlapping(long from, long to) {
        return assignments.stream().filter(a -> a.overlap(from, to) > 0).toList();
    }

    public List<AssignmentInterval> ofJob(String jobId) {
        return assignments.stream().filter(a -> a.jobId().equals(jobId)).toList();
    }

    /** Job ids in order of their first assignment. */
    public Set<String> jobIds() {
        Set<String> jobs = new LinkedHashSet<>();
        assignments.forEach(a -> jobs.add(a.jobId()));
        return jobs;
    }

    /** The job that covers most of {@code [from, to)}; ties go to the smaller job id so the answer never depends on order. */
    public Optional<String> dominantJob(long from, long to) {
        String best = null;
        long bestOverlap = 0;
        for (String job : jobIds()) {
            long overlap = ofJob(job).stream().mapToLong(a -> a.overlap(from, to)).sum();
            if (overlap > bestOverlap || (overlap == bestOverlap && overlap > 0 && job.compareTo(best) < 0)) {
                best = job;
                bestOverlap = overlap;
            }
        }
        return Optional.ofNullable(best);
    }
}
