package io.leadflow.scoring.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Stratified k-fold assignment: every fold gets the same share of won leads, reproducibly for a seed. */
public final class Folds {

    private Folds() {
    }

    /** The fold (0 to k-1) of each outcome. */
    public static int[] stratified(List<Outcome> outcomes, int k, long seed) {
        if (k < 2 || k > outcomes.size()) {
            throw new IllegalArgumentException("cannot split " + outcomes.size() + " outcomes into " + k + " folds");
        }
        List<Integer> won = new ArrayList<>();
        List<Integer> lost = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            (outcomes.get(i).won() ? won : lost).add(i);
        }
        Random random = new Random(seed);
        Collections.shuffle(won, random);
        Collections.shuffle(lost, random);
        int[] fold = new int[outcomes.size()];
        int next = 0;
        for (List<Integer> group : List.of(won, lost)) {
            for (int i : group) {
                fold[i] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }

    static List<Outcome> select(List<Outcome> outcomes, int[] fold, int k, boolean inFold) {
        List<Outcome> chosen = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if ((fold[i] == k) == inFold) {
                chosen.add(outcomes.get(i));
            }
        }
        return chosen;
    }
}
