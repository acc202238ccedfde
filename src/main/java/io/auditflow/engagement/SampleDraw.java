package io.auditflow.engagement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/** A seeded draw without replacement: the same population and seed always give the same sample. */
final class SampleDraw {

    private SampleDraw() {
    }

    /** Picks {@code size} items (all when fewer) by a partial Fisher-Yates shuffle; keeps the population's order. */
    static <T> List<T> draw(List<T> population, int size, long seed) {
        List<T> pool = new ArrayList<>(population);
        int n = Math.min(Math.max(size, 0), pool.size());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            Collections.swap(pool, i, i + random.nextInt(pool.size() - i));
        }
        List<T> picked = pool.subList(0, n);
        return population.stream().filter(picked::contains).toList();
    }

    /** The frequency name of an activity that recurs every {@code months} months. */
    static String frequency(int months) {
        return switch (months) {
            case 12 -> "ANNUAL";
            case 6 -> "SEMIANNUAL";
            case 3 -> "QUARTERLY";
            case 1 -> "MONTHLY";
            default -> months <= 0 ? "DAILY" : months > 12 ? "ANNUAL" : "MONTHLY";
        };
    }
}
