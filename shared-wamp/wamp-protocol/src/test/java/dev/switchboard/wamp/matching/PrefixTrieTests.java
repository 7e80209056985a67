package dev.switchboard.wamp.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.matching.UriPatternIndex.Entry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixTrieTests {

    private final PrefixTrie<String> trie = new PrefixTrie<>();

    private void put(String prefix) {
        trie.put(new Entry<>(UriPattern.prefix(prefix), prefix));
    }

    private List<String> matches(String uri) {
        List<String> out = new ArrayList<>();
        trie.collectMatches(uri, out);
        return out;
    }

    @Test
    void splitsAnEdgeWhereTwoPrefixesDiverge() {
        put("com.myapp");
        put("com.myother");

        assertThat(trie.nodeCount()).isEqualTo(4);
        assertThat(matches("com.myapp.x")).containsExactly("com.myapp");
        assertThat(matches("com.myother")).containsExactly("com.myother");
        assertThat(matches("com.my")).isEmpty();
    }

    @Test
    void storesAPrefixThatEndsInsideAnEdge() {
        put("com.myapp");
        put("com.my");

        assertThat(trie.nodeCount()).isEqualTo(3);
        assertThat(matches("com.myapp")).containsExactly("com.my", "com.myapp");
        assertThat(trie.longestMatch("com.myapp")).extracting(Entry::value).isEqualTo("com.myapp");
        assertThat(trie.longestMatch("com.myap")).extracting(Entry::value).isEqualTo("com.my");
    }

    @Test
    void removingEveryPrefixLeavesOnlyTheRoot() {
        List<String> prefixes = List.of("com.myapp", "com.my", "com.myother", "com", "org.x", "", "com.myapp.a");
        prefixes.forEach(this::put);

        prefixes.forEach(trie::remove);

        assertThat(trie.nodeCount()).isEqualTo(1);
        assertThat(trie.size()).isZero();
        assertThat(matches("com.myapp.a")).isEmpty();
    }

    @Test
    void removingABranchMergesTheRemainingEdge() {
        put("com.myapp");
        put("com.myother");

        trie.remove("com.myapp");

        assertThat(trie.nodeCount()).isEqualTo(2);
        assertThat(matches("com.myother.x")).containsExactly("com.myother");
        assertThat(matches("com.my")).isEmpty();
    }

    @Test
    void removingAnInnerPrefixMergesItWithItsOnlyChild() {
        put("com.my");
        put("com.myapp");

        trie.remove("com.my");

        assertThat(trie.nodeCount()).isEqualTo(2);
        assertThat(matches("com.myapp")).containsExactly("com.myapp");
    }

    @Test
    void churnDoesNotGrowTheTrie() {
        put("com.stable");
        int settled = trie.nodeCount();

        for (int i = 0; i < 1_000; i++) {
            put("com.s" + i);
            put("com.stable." + i);
            trie.remove("com.s" + i);
            trie.remove("com.stable." + i);
        }

        assertThat(trie.nodeCount()).isEqualTo(settled);
        assertThat(matches("com.stable.1")).containsExactly("com.stable");
    }
}
