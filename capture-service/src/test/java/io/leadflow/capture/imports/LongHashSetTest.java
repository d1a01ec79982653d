package io.leadflow.capture.imports;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LongHashSetTest {

    @Test
    void behavesLikeASetOfLongsWhileItGrows() {
        LongHashSet set = new LongHashSet();
        Set<Long> expected = new HashSet<>();
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            long value = i % 7 == 0 ? random.nextInt(100) : random.nextLong();
            assertThat(set.add(value)).isEqualTo(expected.add(value));
        }
        assertThat(set.add(0L)).isEqualTo(expected.add(0L));
        assertThat(set.size()).isEqualTo(expected.size());
        expected.forEach(value -> assertThat(set.contains(value)).isTrue());
        assertThat(set.contains(123_456_789_123L)).isEqualTo(expected.contains(123_456_789_123L));
    }
}
