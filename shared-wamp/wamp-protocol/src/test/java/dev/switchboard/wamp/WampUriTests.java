package dev.switchboard.wamp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.WampUri.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WampUriTests {

    @ParameterizedTest
    @ValueSource(strings = {"com.myapp.topic1", "a", "com.my_app.v2", "wamp.session.on_join"})
    void strictUrisAreValidUnderBothRules(String uri) {
        assertThat(WampUri.isValid(uri, Rules.STRICT, Match.EXACT)).isTrue();
        assertThat(WampUri.isValid(uri, Rules.LOOSE, Match.EXACT)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.MyApp.topic", "com.my-app.topic", "com.myapp.tópico", "com.myapp:1"})
    void looseUrisAreValidOnlyUnderTheLooseRules(String uri) {
        assertThat(WampUri.isValid(uri, Rules.LOOSE, Match.EXACT)).isTrue();
        assertThat(WampUri.isValid(uri, Rules.STRICT, Match.EXACT)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "com..topic", ".com.topic", "com.topic.", "com.my topic", "com.#.topic",
            "com.\ttab", "com.\u00a0nbsp"})
    void malformedUrisAreInvalidUnderBothRules(String uri) {
        assertThat(WampUri.isValid(uri, Rules.LOOSE, Match.EXACT)).isFalse();
        assertThat(WampUri.isValid(uri, Rules.STRICT, Match.EXACT)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"com..topic", ".myapp.topic", "com.myapp.", "..", "", "com.myapp.topic"})
    void wildcardPatternsMayHaveEmptyComponentsAnywhere(String pattern) {
        assertThat(WampUri.isValid(pattern, Rules.STRICT, Match.WILDCARD)).isTrue();
    }

    @Test
    void prefixPatternsMayEndWithADotButHaveNoOtherEmptyComponent() {
        assertThat(WampUri.isValid("com.myapp.", Rules.STRICT, Match.PREFIX)).isTrue();
        assertThat(WampUri.isValid("com.myapp", Rules.STRICT, Match.PREFIX)).isTrue();
        assertThat(WampUri.isValid("com..myapp", Rules.STRICT, Match.PREFIX)).isFalse();
        assertThat(WampUri.isValid(".com", Rules.STRICT, Match.PREFIX)).isFalse();
    }

    @Test
    void wildcardPatternsStillObeyTheCharacterRules() {
        assertThat(WampUri.isValid("com..my topic", Rules.LOOSE, Match.WILDCARD)).isFalse();
        assertThat(WampUri.isValid("com..Topic", Rules.STRICT, Match.WILDCARD)).isFalse();
    }

    @Test
    void theWampPrefixIsReserved() {
        assertThat(WampUri.isReserved("wamp.session.list")).isTrue();
        assertThat(WampUri.isReserved("wampish.topic")).isFalse();
        assertThat(WampUri.isReserved("com.wamp.topic")).isFalse();
    }
}
