package dev.switchboard.wamp.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.matching.UriPatternIndex.Entry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WildcardTrieTests {

    private final WildcardTrie<String> trie = new WildcardTrie<>();

    private void put(String pattern) {
        trie.put(new Entry<>(UriPattern.wildcard(pattern), pattern));
    }

    private List<String> matches(String uri) {
        List<String> out = new ArrayList<>();
        trie.collectMatches(uri, out);
        return out;
    }

    @Test
    void sharesNodesOfACommonLeadingPath() {
        put("com..create");
        put("com..delete");

        assertThat(trie.nodeCount()).isEqualTo(5);
    }

    @Test
    void keepsPatternsOfDifferentComponentCountsApart() {
        put("com.");
        put("com..");
        put(".");

        assertThat(matches("com.x")).containsExactly("com.", ".");
        assertThat(matches("com.x.y")).containsExactly("com..");
        assertThat(matches("com")).isEmpty();
    }

    @Test
    void removingEveryPatternLeavesNoNodes() {
        List<String> patterns = List.of("com..create", "com..delete", "com.user.create", ".", "", "..", "a.b.c.d");
        patterns.forEach(this::put);

        patterns.forEach(trie::remove);

        assertThat(trie.nodeCount()).isZero();
        assertThat(trie.size()).isZero();
        assertThat(matches("com.user.create")).isEmpty();
    }

    @Test
    void removingOnePatternKeepsTheSharedPath() {
        put("com..create");
        put("com..delete");

        trie.remove("com..delete");

        assertThat(trie.nodeCount()).isEqualTo(4);
        assertThat(matches("com.x.create")).containsExactly("com..create");
    }

    @Test
    void churnDoesNotGrowTheTrie() {
        put("com..stable");
        int settled = trie.nodeCount();

        for (int i = 0; i < 1_000; i++) {
            put("com." + i + ".x");
            put("com.." + i + ".");
            trie.remove("com." + i + ".x");
            trie.remove("com.." + i + ".");
        }

        assertThat(trie.nodeCount()).isEqualTo(settled);
        assertThat(matches("com.a.stable")).containsExactly("com..stable");
    }
}
