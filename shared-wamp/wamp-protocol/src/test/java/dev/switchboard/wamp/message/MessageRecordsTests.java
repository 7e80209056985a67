package dev.switchboard.wamp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.wamp.Match;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages built in code obey the same rules as decoded ones, and cannot change after they are built. */
class MessageRecordsTests {

    @Test
    void aMessageWithAnInvalidIdCannotBeBuilt() {
        assertThatThrownBy(() -> new Call(0, CallOptions.DEFAULT, "a.b", Payload.EMPTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CALL.Request must be an id");
    }

    @Test
    void aMessageWithAnInvalidUriCannotBeBuilt() {
        assertThatThrownBy(() -> new Publish(1, PublishOptions.DEFAULT, "a..b", Payload.EMPTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PUBLISH.Topic must be a valid URI");
    }

    @Test
    void aPatternIsCheckedAgainstItsMatchPolicy() {
        assertThat(new Register(1, new RegisterOptions(Match.WILDCARD, InvocationPolicy.SINGLE, null, false, false,
                Map.of()), "com..add").procedure()).isEqualTo("com..add");
        assertThatThrownBy(() -> new Register(1, RegisterOptions.DEFAULT, "com..add"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInterruptCannotCarryModeSkip() {
        assertThatThrownBy(() -> new InterruptOptions(CancelMode.SKIP, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INTERRUPT.Options.mode must be kill or killnowait, got skip");
        assertThat(new InterruptOptions(CancelMode.KILLNOWAIT, null, Map.of()).mode()).isEqualTo(CancelMode.KILLNOWAIT);
    }

    @Test
    void argumentsKeepNullsAndCannotBeChangedThroughTheListGivenOrReturned() {
        List<Object> args = new ArrayList<>(Arrays.asList("a", null));
        Map<String, Object> kwargs = new HashMap<>(Map.of("k", 1L));
        Payload.Arguments payload = Payload.of(args, kwargs);
        args.add("b");
        kwargs.put("x", 2L);
        assertThat(payload.args()).containsExactly("a", null);
        assertThat(payload.kwargs()).containsOnlyKeys("k");
        assertThatThrownBy(() -> payload.args().add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> payload.kwargs().put("c", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void argumentsMovedFromOneMessageToAnotherAreNotCopied() {
        Payload.Arguments payload = Payload.of(List.of("x"), Map.of());
        Call call = new Call(1, CallOptions.DEFAULT, "a.b", payload);
        Invocation invocation = new Invocation(2, 3, InvocationDetails.DEFAULT, call.payload());
        assertThat(((Payload.Arguments) invocation.payload()).args()).isSameAs(payload.args());
    }

    @Test
    void transparentPayloadsCompareByContentAndCannotBeChanged() {
        byte[] bytes = {1, 2, 3};
        Payload.Transparent payload = Payload.transparent(bytes);
        bytes[0] = 9;
        payload.bytes()[1] = 9;
        assertThat(payload).isEqualTo(Payload.transparent(new byte[] {1, 2, 3}));
    }

    @Test
    void unknownOptionsArePassedThroughInWireOrderAfterTheTypedOnes() {
        Map<String, Object> wire = new java.util.LinkedHashMap<>();
        wire.put("x_z", 1L);
        wire.put("timeout", 10L);
        wire.put("x_a", "v");
        CallOptions options = CallOptions.fromWire(wire);
        assertThat(options.timeout()).isEqualTo(10L);
        assertThat(options.other()).containsExactly(Map.entry("x_z", 1L), Map.entry("x_a", "v"));
        assertThat(options.toWire().keySet()).containsExactly("timeout", "x_z", "x_a");
    }

    @Test
    void rolesTellWhichFeaturesAPeerAnnounces() {
        Roles roles = Roles.of(Map.of("callee", java.util.Set.of("call_canceling")));
        assertThat(roles.has("callee")).isTrue();
        assertThat(roles.supports("callee", "call_canceling")).isTrue();
        assertThat(roles.supports("callee", "progressive_call_results")).isFalse();
        assertThat(roles.supports("caller", "call_canceling")).isFalse();
    }

    @Test
    void aDescribedStringIsCutWithoutSplittingASurrogatePairSoThatItCanBeWritten() {
        String emoji = "\ud83d\ude00";
        String text = "x".repeat(63) + emoji + "tail";

        String described = Values.describe(text);

        assertThat(described).isEqualTo("\"" + "x".repeat(63) + "…\"");
        assertThat(Values.describe("short " + emoji)).isEqualTo("\"short " + emoji + "\"");
    }
}
