package dev.switchboard.wamp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.SubscribeOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builders make the protocol library's options records, which write the wire names of the specification. */
class WampOptionsTests {

    @Test
    void emptyBuildersMakeTheDefaults() {
        assertThat(WampOptions.call().build()).isEqualTo(CallOptions.DEFAULT);
        assertThat(WampOptions.register().build()).isEqualTo(RegisterOptions.DEFAULT);
        assertThat(WampOptions.subscribe().build()).isEqualTo(SubscribeOptions.DEFAULT);
        assertThat(WampOptions.publish().build()).isEqualTo(PublishOptions.DEFAULT);
    }

    @Test
    void callOptionsCarryTimeoutInMillisecondsAndDisclosure() {
        assertThat(WampOptions.call().timeout(Duration.ofSeconds(2)).discloseMe().other("x_trace", "t1").build()
                .toWire()).containsExactly(Map.entry("timeout", 2000L), Map.entry("disclose_me", true),
                Map.entry("x_trace", "t1"));
    }

    @Test
    void registerOptionsCarryMatchInvokeConcurrencyAndForceReregister() {
        assertThat(WampOptions.register().match(Match.PREFIX).invoke(InvocationPolicy.ROUNDROBIN).concurrency(4)
                .forceReregister().discloseCaller().build().toWire()).containsExactly(
                Map.entry("match", "prefix"), Map.entry("invoke", "roundrobin"), Map.entry("concurrency", 4),
                Map.entry("force_reregister", true), Map.entry("disclose_caller", true));
    }

    @Test
    void subscribeOptionsCarryMatchAndGetRetained() {
        assertThat(WampOptions.subscribe().match(Match.WILDCARD).getRetained().build().toWire())
                .containsExactly(Map.entry("match", "wildcard"), Map.entry("get_retained", true));
    }

    @Test
    void publishOptionsCarryEveryListAndFlag() {
        assertThat(WampOptions.publish().acknowledge().excludeMe(false).exclude(List.of(1L))
                .excludeAuthid(List.of("a")).excludeAuthrole(List.of("r")).eligible(List.of(2L))
                .eligibleAuthid(List.of("b")).eligibleAuthrole(List.of("s")).discloseMe().retain().build().toWire())
                .containsExactly(Map.entry("acknowledge", true), Map.entry("exclude_me", false),
                        Map.entry("exclude", List.of(1L)), Map.entry("exclude_authid", List.of("a")),
                        Map.entry("exclude_authrole", List.of("r")), Map.entry("eligible", List.of(2L)),
                        Map.entry("eligible_authid", List.of("b")), Map.entry("eligible_authrole", List.of("s")),
                        Map.entry("disclose_me", true), Map.entry("retain", true));
    }

    @Test
    void emptyEligibleListAdmitsNoOneRatherThanEveryone() {
        assertThat(WampOptions.publish().eligible(List.of()).build().eligible()).isEmpty();
        assertThat(WampOptions.publish().build().eligible()).isNull();
    }
}
