package pownode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ElectionTest {

    @Test
    void election_highestVoteIdWins() {
        Map<Integer, Integer> votes = Map.of(4711, 30211, 2290, 65012, 100, 12);

        int leader = Election.leaderOf(votes);

        assertThat(leader).isEqualTo(2290);
    }

    /** Votes as "ClientID=VoteID" pairs and the leader every node must compute from them. */
    static Stream<Arguments> ties() {
        return Stream.of(
                arguments("10=500, 20=500", 20),
                arguments("20=500, 10=500", 20),
                arguments("0=0, 1=0", 1),
                arguments("65535=65535, 0=65535", 65535),
                arguments("3=7, 9=7, 5=7", 9),
                arguments("1=900, 2=900, 3=100, 4=899", 2),
                arguments("300=42, 200=42, 100=41, 400=41", 300),
                arguments("7=65535, 8=65535, 9=65534", 8));
    }

    @ParameterizedTest
    @MethodSource("ties")
    void election_tieGoesToHigherClientId(String pairs, int expectedLeader) {
        Map<Integer, Integer> votes = parseVotes(pairs);

        int leader = Election.leaderOf(votes);

        assertThat(leader).isEqualTo(expectedLeader);
    }

    @ParameterizedTest
    @MethodSource("ties")
    void election_ignoresMapIterationOrder(String pairs, int expectedLeader) {
        Map<Integer, Integer> insertionOrder = parseVotes(pairs);
        Map<Integer, Integer> ascending = new TreeMap<>(insertionOrder);
        Map<Integer, Integer> descending = new TreeMap<>(Comparator.reverseOrder());
        descending.putAll(insertionOrder);
        Map<Integer, Integer> hashed = new HashMap<>(insertionOrder);

        assertThat(Election.leaderOf(ascending)).isEqualTo(expectedLeader);
        assertThat(Election.leaderOf(descending)).isEqualTo(expectedLeader);
        assertThat(Election.leaderOf(hashed)).isEqualTo(expectedLeader);
    }

    @Test
    void election_singleVoteElectsItsClient() {
        Map<Integer, Integer> votes = Map.of(4711, 0);

        int leader = Election.leaderOf(votes);

        assertThat(leader).isEqualTo(4711);
    }

    @Test
    void election_voteZeroFromClientZeroCanWin() {
        Map<Integer, Integer> votes = Map.of(0, 0);

        int leader = Election.leaderOf(votes);

        assertThat(leader).isZero();
    }

    @Test
    void election_withoutVotesThrows() {
        Map<Integer, Integer> votes = Map.of();

        assertThatThrownBy(() -> Election.leaderOf(votes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one vote");
    }

    private static Map<Integer, Integer> parseVotes(String pairs) {
        Map<Integer, Integer> votes = new LinkedHashMap<>();
        for (String pair : pairs.split(",")) {
            String[] parts = pair.trim().split("=");
            votes.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
        return votes;
    }
}
