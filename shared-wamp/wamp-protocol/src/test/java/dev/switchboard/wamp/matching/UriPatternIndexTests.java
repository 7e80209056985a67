package dev.switchboard.wamp.matching;

import static dev.switchboard.wamp.matching.UriPattern.exact;
import static dev.switchboard.wamp.matching.UriPattern.prefix;
import static dev.switchboard.wamp.matching.UriPattern.wildcard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UriPatternIndexTests {

    private final UriPatternIndex<String> index = new UriPatternIndex<>();

    /** Stores each pattern with its own URI and policy as the value, e.g. {@code "prefix:com.myapp"}. */
    private void putAll(UriPattern... patterns) {
        for (UriPattern pattern : patterns) {
            index.put(pattern, name(pattern));
        }
    }

    private static String name(UriPattern pattern) {
        return pattern.match().wireName() + ":" + pattern.uri();
    }

    private List<String> matches(String uri) {
        return index.matchAll(uri);
    }

    private String best(String uri) {
        UriPatternIndex.Entry<String> best = index.bestMatch(uri);
        return best == null ? "none" : best.value();
    }

    @Nested
    class ExactMatching {

        @Test
        void matchesOnlyTheEqualUri() {
            putAll(exact("com.myapp.topic"));

            assertThat(matches("com.myapp.topic")).containsExactly("exact:com.myapp.topic");
            assertThat(matches("com.myapp.topic.sub")).isEmpty();
            assertThat(matches("com.myapp.topi")).isEmpty();
            assertThat(matches("com.myapp")).isEmpty();
        }

        @Test
        void matchesNothingInAnEmptyIndex() {
            assertThat(matches("com.myapp")).isEmpty();
            assertThat(index.bestMatch("com.myapp")).isNull();
        }
    }

    @Nested
    class PrefixMatching {

        @Test
        void matchesTheSpecExamples() {
            putAll(prefix("com.myapp.topic.emergency"));

            assertThat(matches("com.myapp.topic.emergency.11")).hasSize(1);
            assertThat(matches("com.myapp.topic.emergency-low")).hasSize(1);
            assertThat(matches("com.myapp.topic.emergency.category.severe")).hasSize(1);
            assertThat(matches("com.myapp.topic.emergency")).hasSize(1);
            assertThat(matches("com.myapp.topic.emerge")).isEmpty();
        }

        @Test
        void isAPlainStringPrefixNotAComponentPrefix() {
            putAll(prefix("com.myapp"));

            assertThat(matches("com.myapp2.foo")).containsExactly("prefix:com.myapp");
            assertThat(matches("com.myapp.foo")).containsExactly("prefix:com.myapp");
            assertThat(matches("com.my")).isEmpty();
            assertThat(matches("org.myapp")).isEmpty();
        }

        @Test
        void matchesAUriEqualToThePrefix() {
            putAll(prefix("com.myapp.proc"));

            assertThat(matches("com.myapp.proc")).containsExactly("prefix:com.myapp.proc");
            assertThat(best("com.myapp.proc")).isEqualTo("prefix:com.myapp.proc");
        }

        @Test
        void emptyPrefixMatchesEveryUri() {
            putAll(prefix(""));

            assertThat(matches("com")).containsExactly("prefix:");
            assertThat(best("a.b.c")).isEqualTo("prefix:");
        }

        @Test
        void prefixEndingInADotMatchesOnlyLongerComponents() {
            putAll(prefix("com.myapp."));

            assertThat(matches("com.myapp.x")).hasSize(1);
            assertThat(matches("com.myapp")).isEmpty();
        }

        @Test
        void matchAllListsEveryMatchingPrefixLongestFirst() {
            putAll(prefix("com"), prefix("com.myapp.proc"), prefix("com.my"), prefix("com.myapp.other"),
                    prefix("com.myapp"));

            assertThat(matches("com.myapp.proc.x"))
                    .containsExactly("prefix:com.myapp.proc", "prefix:com.myapp", "prefix:com.my", "prefix:com");
        }
    }

    @Nested
    class WildcardMatching {

        @Test
        void matchesTheSpecExamples() {
            putAll(wildcard("com.myapp..userevent"));

            assertThat(matches("com.myapp.foo.userevent")).hasSize(1);
            assertThat(matches("com.myapp.bar.userevent")).hasSize(1);
            assertThat(matches("com.myapp.a12.userevent")).hasSize(1);
            assertThat(matches("com.myapp.foo.userevent.bar")).isEmpty();
            assertThat(matches("com.myapp.foo.user")).isEmpty();
            assertThat(matches("com.myapp2.foo.userevent")).isEmpty();
        }

        @Test
        void emptyFirstComponentMatchesAnyFirstComponent() {
            putAll(wildcard(".foo"));

            assertThat(matches("x.foo")).containsExactly("wildcard:.foo");
            assertThat(matches("foo")).isEmpty();
            assertThat(matches("x.y.foo")).isEmpty();
            assertThat(matches("x.bar")).isEmpty();
        }

        @Test
        void emptyLastComponentMatchesAnyLastComponent() {
            putAll(wildcard("com."));

            assertThat(matches("com.x")).containsExactly("wildcard:com.");
            assertThat(matches("com")).isEmpty();
            assertThat(matches("com.x.y")).isEmpty();
            assertThat(matches("org.x")).isEmpty();
        }

        @Test
        void emptyMiddleComponentMatchesAnyMiddleComponent() {
            putAll(wildcard("com..create"));

            assertThat(matches("com.user.create")).containsExactly("wildcard:com..create");
            assertThat(matches("com.create")).isEmpty();
            assertThat(matches("com.user.create.now")).isEmpty();
            assertThat(matches("com.user.delete")).isEmpty();
        }

        @Test
        void allEmptyComponentsMatchEveryUriWithThatManyComponents() {
            putAll(wildcard(".."));

            assertThat(matches("a.b.c")).containsExactly("wildcard:..");
            assertThat(matches("a.b")).isEmpty();
            assertThat(matches("a.b.c.d")).isEmpty();
        }

        @Test
        void patternWithoutEmptyComponentsMatchesOnlyThatUri() {
            putAll(wildcard("com.myapp"));

            assertThat(matches("com.myapp")).containsExactly("wildcard:com.myapp");
            assertThat(matches("com.myapp.x")).isEmpty();
        }

        @Test
        void componentMustMatchWholeNotAsAPrefix() {
            putAll(wildcard("com..create"));

            assertThat(matches("com.user.created")).isEmpty();
            assertThat(matches("comx.user.create")).isEmpty();
        }

        @Test
        void matchAllListsEveryMatchingWildcardBestFirst() {
            putAll(wildcard("..c"), wildcard("a.."), wildcard("a.b."), wildcard(".b.c"), wildcard("x.."));

            assertThat(matches("a.b.c")).containsExactly("wildcard:a.b.", "wildcard:a..", "wildcard:.b.c",
                    "wildcard:..c");
        }
    }

    @Nested
    class MatchAll {

        @Test
        void listsExactThenPrefixThenWildcardMatches() {
            putAll(wildcard("com..proc"), prefix("com.myapp"), exact("com.myapp.proc"), prefix("com"),
                    exact("com.other"));

            assertThat(matches("com.myapp.proc"))
                    .containsExactly("exact:com.myapp.proc", "prefix:com.myapp", "prefix:com", "wildcard:com..proc");
        }

        @Test
        void treatsTheSameUriUnderEachPolicyAsSeparatePatterns() {
            putAll(exact("a.b"), prefix("a.b"), wildcard("a.b"));

            assertThat(index.size()).isEqualTo(3);
            assertThat(matches("a.b")).containsExactly("exact:a.b", "prefix:a.b", "wildcard:a.b");
        }

        @Test
        void returnsAnUnmodifiableList() {
            putAll(exact("a.b"), prefix("a"), wildcard("a."));

            assertThatThrownBy(() -> matches("a.b").add("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> matches("zzz").add("x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class BestMatch {

        @Test
        void prefersExactOverPrefixAndWildcard() {
            putAll(exact("com.myapp.proc"), prefix("com.myapp.proc"), wildcard("com.myapp.proc"),
                    wildcard("com..proc"));

            assertThat(best("com.myapp.proc")).isEqualTo("exact:com.myapp.proc");
        }

        @Test
        void prefersAnyPrefixOverAnyWildcard() {
            putAll(prefix("c"), wildcard("com.myapp.proc"), wildcard("com..proc"));

            assertThat(best("com.myapp.proc")).isEqualTo("prefix:c");
        }

        @Test
        void prefersTheLongestMatchingPrefix() {
            putAll(prefix("a1.b2"), prefix("a1.b2.c3"), prefix("a1.b2.c3.d4.e5.f6"), prefix("a1"));

            assertThat(best("a1.b2.c3.d4")).isEqualTo("prefix:a1.b2.c3");
        }

        @Test
        void prefersTheWildcardWithTheLongerPortionBeforeTheFirstWildcard() {
            putAll(wildcard("a1...d4"), wildcard("a1.b2..d4"));

            assertThat(best("a1.b2.c3.d4")).isEqualTo("wildcard:a1.b2..d4");
        }

        @Test
        void breaksEqualFirstPortionsByTheNextPortion() {
            putAll(wildcard("a1.b2..d4..f6.g7"), wildcard("a1.b2..d4.e5..g7"));

            assertThat(best("a1.b2.c88.d4.e5.f6.g7")).isEqualTo("wildcard:a1.b2..d4.e5..g7");
        }

        @Test
        void prefersALiteralFirstComponentOverALeadingWildcard() {
            putAll(wildcard("..c"), wildcard("a.."), wildcard(".b.c"));

            assertThat(best("a.b.c")).isEqualTo("wildcard:a..");
        }

        @Test
        void backtracksWhenTheLiteralBranchHasNoMatch() {
            putAll(wildcard("a.b.x"), wildcard("a..c"));

            assertThat(best("a.b.c")).isEqualTo("wildcard:a..c");
        }

        @Test
        void returnsThePatternWithTheValue() {
            index.put(prefix("com.myapp"), "registration 7");

            assertThat(index.bestMatch("com.myapp.proc"))
                    .isEqualTo(new UriPatternIndex.Entry<>(prefix("com.myapp"), "registration 7"));
        }

        /**
         * The example table of "Pattern-based Registrations", "Calls matching multiple registrations". Its row for
         * {@code a1.b2.c3.d4.e5} says "no prefix match, use RPC 5", but RPCs 2 and 3 are prefixes of that URI, and
         * by the spec's own step 2 the longest, RPC 3, wins.
         */
        @Test
        void routesTheSpecExamples() {
            index.put(exact("a1.b2.c3.d4.e55"), "1");
            index.put(prefix("a1.b2.c3"), "2");
            index.put(prefix("a1.b2.c3.d4"), "3");
            index.put(wildcard("a1.b2..d4.e5"), "4");
            index.put(wildcard("a1.b2.c3..e5"), "5");
            index.put(wildcard("a1.b2..d4.e5..g7"), "6");
            index.put(wildcard("a1.b2..d4..f6.g7"), "7");

            assertThat(best("a1.b2.c3.d4.e55")).isEqualTo("1");
            assertThat(best("a1.b2.c3.d98.e74")).isEqualTo("2");
            assertThat(best("a1.b2.c3.d4.e325")).isEqualTo("3");
            assertThat(best("a1.b2.c55.d4.e5")).isEqualTo("4");
            assertThat(best("a1.b2.c3.d4.e5")).isEqualTo("3");
            assertThat(best("a1.b2.c88.d4.e5.f6.g7")).isEqualTo("6");
            assertThat(best("a2.b2.c2.d2.e2")).isEqualTo("none");
        }

        /** The spec's row for {@code a1.b2.c3.d4.e5} without the prefix registrations it overlooked. */
        @Test
        void routesTheSpecWildcardExampleWithoutPrefixes() {
            index.put(wildcard("a1.b2..d4.e5"), "4");
            index.put(wildcard("a1.b2.c3..e5"), "5");

            assertThat(best("a1.b2.c3.d4.e5")).isEqualTo("5");
        }

        @Test
        void isTheFirstOfMatchAll() {
            putAll(prefix("a"), prefix("a.b"), wildcard("a.."), wildcard("..c"), exact("a.b.d"));

            for (String uri : List.of("a.b.c", "a.b.d", "a.x.c", "z.z.c", "a")) {
                List<String> all = matches(uri);
                assertThat(best(uri)).isEqualTo(all.isEmpty() ? "none" : all.getFirst());
            }
        }
    }

    @Nested
    class Storage {

        @Test
        void putReplacesTheValueOfAnEqualPattern() {
            assertThat(index.put(prefix("com.myapp"), "first")).isNull();

            assertThat(index.put(prefix("com.myapp"), "second")).isEqualTo("first");
            assertThat(index.size()).isEqualTo(1);
            assertThat(matches("com.myapp.x")).containsExactly("second");
        }

        @Test
        void getFindsThePatternItselfNotAMatch() {
            putAll(exact("a.b"), prefix("a.b"), wildcard("a..c"));

            assertThat(index.get(exact("a.b"))).isEqualTo("exact:a.b");
            assertThat(index.get(prefix("a.b"))).isEqualTo("prefix:a.b");
            assertThat(index.get(wildcard("a..c"))).isEqualTo("wildcard:a..c");
            assertThat(index.get(prefix("a"))).isNull();
            assertThat(index.get(prefix("a.b.c"))).isNull();
            assertThat(index.get(wildcard("a.b.c"))).isNull();
            assertThat(index.get(wildcard("a.b"))).isNull();
            assertThat(index.get(exact("a.b.c"))).isNull();
        }

        @Test
        void sizeCountsEveryPolicy() {
            assertThat(index.isEmpty()).isTrue();

            putAll(exact("a"), prefix("a"), prefix("b"), wildcard("a."));

            assertThat(index.size()).isEqualTo(4);
            assertThat(index.isEmpty()).isFalse();
        }
    }

    @Nested
    class Removal {

        @Test
        void removedPatternsMatchNothing() {
            putAll(exact("a.b"), prefix("a"), wildcard("a."));

            assertThat(index.remove(exact("a.b"))).isEqualTo("exact:a.b");
            assertThat(index.remove(prefix("a"))).isEqualTo("prefix:a");
            assertThat(index.remove(wildcard("a."))).isEqualTo("wildcard:a.");

            assertThat(matches("a.b")).isEmpty();
            assertThat(index.bestMatch("a.b")).isNull();
            assertThat(index.isEmpty()).isTrue();
        }

        @Test
        void reAddingARemovedPatternMatchesAgain() {
            putAll(prefix("com.myapp"), wildcard("com..proc"));
            index.remove(prefix("com.myapp"));
            index.remove(wildcard("com..proc"));

            putAll(prefix("com.myapp"), wildcard("com..proc"));

            assertThat(matches("com.myapp.proc")).containsExactly("prefix:com.myapp", "wildcard:com..proc");
        }

        @Test
        void removingOnePrefixKeepsOthersOnTheSamePath() {
            putAll(prefix("com.my"), prefix("com.myapp"), prefix("com.myother"));

            index.remove(prefix("com.myapp"));

            assertThat(matches("com.myapp.x")).containsExactly("prefix:com.my");
            assertThat(matches("com.myother.x")).containsExactly("prefix:com.myother", "prefix:com.my");
            index.remove(prefix("com.my"));
            assertThat(matches("com.myother.x")).containsExactly("prefix:com.myother");
            assertThat(matches("com.myapp.x")).isEmpty();
        }

        @Test
        void removingOneWildcardKeepsOthersOnTheSamePath() {
            putAll(wildcard("com..create"), wildcard("com..delete"), wildcard("com.user.create"));

            index.remove(wildcard("com..create"));

            assertThat(matches("com.user.create")).containsExactly("wildcard:com.user.create");
            assertThat(matches("com.user.delete")).containsExactly("wildcard:com..delete");
            assertThat(matches("com.group.create")).isEmpty();
        }

        @Test
        void removingAnAbsentPatternChangesNothing() {
            putAll(prefix("com.myapp"), wildcard("com..proc"), exact("com.myapp"));

            assertThat(index.remove(prefix("com.my"))).isNull();
            assertThat(index.remove(prefix("com.myapp.proc"))).isNull();
            assertThat(index.remove(wildcard("com.."))).isNull();
            assertThat(index.remove(wildcard("com.x.proc"))).isNull();
            assertThat(index.remove(exact("com"))).isNull();
            assertThat(index.remove(wildcard("com.myapp"))).isNull();

            assertThat(index.size()).isEqualTo(3);
            assertThat(matches("com.myapp")).containsExactly("exact:com.myapp", "prefix:com.myapp");
            assertThat(matches("com.x.proc")).containsExactly("wildcard:com..proc");
        }

        @Test
        void removalOfTheLastPatternRestoresTheExactOnlyPath() {
            putAll(exact("a.b"), prefix("a"));
            index.remove(prefix("a"));

            assertThat(matches("a.b")).containsExactly("exact:a.b");
            assertThat(matches("a.c")).isEmpty();
        }
    }
}
