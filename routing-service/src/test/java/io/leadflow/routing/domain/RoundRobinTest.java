package io.leadflow.routing.domain;

import io.leadflow.routing.domain.RoundRobin.Seat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RoundRobinTest {

    /**
     * Seats are written "id:position:active" separated by spaces (in any order); the expected member is
     * an id or "none".
     */
    @ParameterizedTest(name = "[{0}] after cursor {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            a:0:y b:1:y c:2:y | -1 | a
            a:0:y b:1:y c:2:y |  0 | b
            a:0:y b:1:y c:2:y |  1 | c
            a:0:y b:1:y c:2:y |  2 | a
            c:2:y a:0:y b:1:y |  0 | b
            a:0:y b:1:n c:2:y |  0 | c
            a:0:y b:1:y c:2:n |  1 | a
            a:0:n b:1:n c:2:y |  2 | c
            a:0:n b:1:n c:2:n |  1 | none
                              | -1 | none
            a:0:y b:5:y c:9:y |  5 | c
            a:0:y b:5:y c:9:y |  7 | c
            a:0:y b:5:y c:9:y | 42 | a
            a:3:y             |  3 | a
            """)
    void theNextActiveMemberAfterTheCursorGetsTheLead(String seats, int cursor, String expected) {
        Optional<Seat> next = RoundRobin.next(parse(seats), cursor);

        assertThat(next.map(Seat::sdrId).orElse("none")).isEqualTo(expected);
    }

    private static List<Seat> parse(String seats) {
        List<Seat> parsed = new ArrayList<>();
        if (seats == null) {
            return parsed;
        }
        for (String seat : seats.trim().split("\\s+")) {
            String[] parts = seat.split(":");
            parsed.add(new Seat(parts[0], parts[0].toUpperCase(), Integer.parseInt(parts[1]), parts[2].equals("y")));
        }
        return parsed;
    }
}
