package dev.switchboard.router.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.message.Payload;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentsTests {

    @Test
    void aParameterIsTakenByPositionWhenThereAreThatManyArgumentsElseByKeyword() {
        Arguments arguments = Arguments.of(Payload.of(List.of(7L), Map.of("reason", "a.b", "session", 9L)));

        assertThat(arguments.id(0, "session")).isEqualTo(7L);
        assertThat(arguments.optionalString(1, "reason")).isEqualTo("a.b");
        assertThat(arguments.optionalString(2, "message")).isNull();
    }

    @Test
    void anIntegralFloatIsAnIdAsInTheCodecButAFractionOrOneBeyondTwoToThe53IsNot() {
        Arguments arguments = Arguments.of(Payload.of(8_798_858_574_996_946.0, 5, 1.5, 0x1p53 + 2));

        assertThat(arguments.id(0, "session")).isEqualTo(8_798_858_574_996_946L);
        assertThat(arguments.id(1, "session")).isEqualTo(5L);
        assertThatThrownBy(() -> arguments.id(2, "session")).hasMessageContaining("session must be an id");
        assertThatThrownBy(() -> arguments.id(3, "session")).hasMessageContaining("session must be an id");
    }

    @Test
    void absentOptionalContainersAreEmptyAndNullArgumentsAreAbsent() {
        Arguments arguments = Arguments.of(Payload.of(Arrays.asList(null, null), null));

        assertThat(arguments.list(0, "args")).isEmpty();
        assertThat(arguments.dict(1, "kwargs")).isEmpty();
        assertThat(arguments.optionalStrings(2, "filter_authroles")).isNull();
    }

    @Test
    void aWrongTypeOrAMissingRequiredParameterIsAnInvalidArgument() {
        Arguments arguments = Arguments.of(Payload.of(0L, 5L, List.of(1L)));

        assertThatThrownBy(() -> arguments.id(0, "session")).isInstanceOfSatisfying(MetaError.class,
                e -> assertThat(e.uri()).isEqualTo(ErrorUris.INVALID_ARGUMENT));
        assertThatThrownBy(() -> arguments.string(1, "authid")).hasMessageContaining("authid must be a string");
        assertThatThrownBy(() -> arguments.optionalStrings(2, "filter_authroles")).isInstanceOf(MetaError.class);
        assertThatThrownBy(() -> arguments.string(3, "topic")).hasMessage("topic must be a string, got null");
    }
}
