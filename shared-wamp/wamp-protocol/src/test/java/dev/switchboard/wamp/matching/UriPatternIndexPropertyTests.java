package dev.switchboard.wamp.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.matching.UriPatternIndex.Entry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Compares {@link UriPatternIndex} with a naive reference that scans every pattern and ranks matches by the spec's
 * wording, over random small URI sets where patterns overlap a lot.
 */
class UriPatternIndexPropertyTests {

    /** A put ({@code add}) or a remove of {@code pattern}. */
    record Operation(UriPattern pattern, boolean add) {}

    @Property(tries = 2_000)
    void matchAllAndBestMatchAgreeWithTheReference(
            @ForAll("operations") List<Operation> operations, @ForAll @Size(max = 8) List<@From("uris") String> uris) {
        UriPatternIndex<String> index = new UriPatternIndex<>();
        Map<UriPattern, String> reference = new LinkedHashMap<>();
        int step = 0;
        for (Operation operation : operations) {
            String value = name(operation.pattern()) + "#" + step++;
            if (operation.add()) {
                assertThat(index.put(operation.pattern(), value)).isEqualTo(reference.put(operation.pattern(), value));
            } else {
                assertThat(index.remove(operation.pattern())).isEqualTo(reference.remove(operation.pattern()));
            }
        }

        assertThat(index.size()).isEqualTo(reference.size());
        for (Operation operation : operations) {
            assertThat(index.get(operation.pattern())).isEqualTo(reference.get(operation.pattern()));
        }
        List<String> probes = new ArrayList<>(uris);
        operations.forEach(operation -> probes.add(operation.pattern().uri()));
        for (String uri : probes) {
            List<Map.Entry<UriPattern, String>> expected = reference.entrySet().stream()
                    .filter(entry -> matches(entry.getKey(), uri))
                    .sorted(Map.Entry.comparingByKey(PRECEDENCE))
                    .toList();

            assertThat(index.matchAll(uri)).as("matchAll(%s)", uri)
                    .containsExactlyElementsOf(expected.stream().map(Map.Entry::getValue).toList());
            Entry<String> best = index.bestMatch(uri);
            if (expected.isEmpty()) {
                assertThat(best).as("bestMatch(%s)", uri).isNull();
            } else {
                Map.Entry<UriPattern, String> first = expected.getFirst();
                assertThat(best).as("bestMatch(%s)", uri).isEqualTo(new Entry<>(first.getKey(), first.getValue()));
            }
        }
    }

    @Property(tries = 500)
    void removingEveryPatternFreesEveryTrieNode(@ForAll("operations") List<Operation> operations) {
        PrefixTrie<String> prefixes = new PrefixTrie<>();
        WildcardTrie<String> wildcards = new WildcardTrie<>();
        for (Operation operation : operations) {
            Entry<String> entry = new Entry<>(operation.pattern(), "v");
            switch (operation.pattern().match()) {
                case PREFIX -> prefixes.put(entry);
                case WILDCARD -> wildcards.put(entry);
                case EXACT -> { }
            }
        }

        for (Operation operation : operations) {
            switch (operation.pattern().match()) {
                case PREFIX -> prefixes.remove(operation.pattern().uri());
                case WILDCARD -> wildcards.remove(operation.pattern().uri());
                case EXACT -> { }
            }
        }

        assertThat(prefixes.nodeCount()).isEqualTo(1);
        assertThat(wildcards.nodeCount()).isZero();
    }

    private static String name(UriPattern pattern) {
        return pattern.match().wireName() + ":" + pattern.uri();
    }

    private static boolean matches(UriPattern pattern, String uri) {
        return switch (pattern.match()) {
            case EXACT -> uri.equals(pattern.uri());
            case PREFIX -> uri.startsWith(pattern.uri());
            case WILDCARD -> wildcardMatches(pattern.uri().split("\\.", -1), uri.split("\\.", -1));
        };
    }

    private static boolean wildcardMatches(String[] pattern, String[] uri) {
        if (pattern.length != uri.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].isEmpty() && !pattern[i].equals(uri[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Best first, for patterns that all match one URI: exact, then prefixes longest first, then wildcards by "the
     * longest portion of URI components matched before each wildcard", portion by portion.
     */
    private static final Comparator<UriPattern> PRECEDENCE = UriPatternIndexPropertyTests::precedence;

    private static int precedence(UriPattern a, UriPattern b) {
        List<Match> policies = List.of(Match.EXACT, Match.PREFIX, Match.WILDCARD);
        if (a.match() != b.match()) {
            return Integer.compare(policies.indexOf(a.match()), policies.indexOf(b.match()));
        }
        return switch (a.match()) {
            case EXACT -> 0;
            case PREFIX -> Integer.compare(b.uri().length(), a.uri().length());
            case WILDCARD -> comparePortions(portions(b), portions(a));
        };
    }

    /** The lengths of the runs of literal components before each wildcard, and after the last one. */
    private static List<Integer> portions(UriPattern pattern) {
        List<Integer> portions = new ArrayList<>();
        int run = 0;
        for (String component : pattern.uri().split("\\.", -1)) {
            if (component.isEmpty()) {
                portions.add(run);
                run = 0;
            } else {
                run++;
            }
        }
        portions.add(run);
        return portions;
    }

    private static int comparePortions(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int byPortion = Integer.compare(a.get(i), b.get(i));
            if (byPortion != 0) {
                return byPortion;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Provide
    Arbitrary<String> uris() {
        return Arbitraries.of("a", "b", "ab", "ba").list().ofMinSize(1).ofMaxSize(4).map(c -> String.join(".", c));
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<UriPattern> exact = uris().map(UriPattern::exact);
        Arbitrary<UriPattern> prefix = uris()
                .flatMap(uri -> Arbitraries.integers().between(0, uri.length()).map(end -> uri.substring(0, end)))
                .map(UriPattern::prefix);
        Arbitrary<UriPattern> wildcard = Arbitraries.of("", "", "a", "b", "ab").list().ofMinSize(1).ofMaxSize(4)
                .map(c -> String.join(".", c))
                .map(UriPattern::wildcard);
        Arbitrary<UriPattern> pattern = Arbitraries.oneOf(exact, prefix, wildcard);
        Arbitrary<Boolean> add = Arbitraries.of(true, true, false);
        return Combinators.combine(pattern, add).as(Operation::new).list().ofMaxSize(40);
    }
}
