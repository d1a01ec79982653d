package io.leadflow.routing.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Half-open intervals of epoch milliseconds as {@code long[]{from, to}}: merge, clip, intersect, measure. */
final class Intervals {

    private Intervals() {
    }

    /** Sorted, with overlapping and touching intervals joined; empty ones dropped. */
    static List<long[]> merge(List<long[]> intervals) {
        List<long[]> sorted = new ArrayList<>(intervals.stream().filter(i -> i[1] > i[0]).toList());
        sorted.sort(Comparator.comparingLong(i -> i[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] interval : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && interval[0] <= last[1]) {
                last[1] = Math.max(last[1], interval[1]);
            } else {
                merged.add(new long[] {interval[0], interval[1]});
            }
        }
        return merged;
    }

    /** The parts of merged intervals within [from, to). */
    static List<long[]> clip(List<long[]> merged, long from, long to) {
        List<long[]> clipped = new ArrayList<>();
        for (long[] interval : merged) {
            long start = Math.max(interval[0], from);
            long end = Math.min(interval[1], to);
            if (end > start) {
                clipped.add(new long[] {start, end});
            }
        }
        return clipped;
    }

    /** The intersection of two merged lists. */
    static List<long[]> intersect(List<long[]> a, List<long[]> b) {
        List<long[]> both = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            long start = Math.max(a.get(i)[0], b.get(j)[0]);
            long end = Math.min(a.get(i)[1], b.get(j)[1]);
            if (end > start) {
                both.add(new long[] {start, end});
            }
            if (a.get(i)[1] < b.get(j)[1]) {
                i++;
            } else {
                j++;
            }
        }
        return both;
    }

    static long length(List<long[]> merged) {
        long total = 0;
        for (long[] interval : merged) {
            total += interval[1] - interval[0];
        }
        return total;
    }
}
