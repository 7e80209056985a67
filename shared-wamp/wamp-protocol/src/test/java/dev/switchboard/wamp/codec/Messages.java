package dev.switchboard.wamp.codec;

import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Cancel;
import dev.switchboard.wamp.message.CancelMode;
import dev.switchboard.wamp.message.CancelOptions;
import dev.switchboard.wamp.message.Challenge;
import dev.switchboard.wamp.message.ChallengeExtra;
import dev.switchboard.wamp.message.CloseDetails;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.EventDetails;
import dev.switchboard.wamp.message.EventReceived;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.HelloDetails;
import dev.switchboard.wamp.message.Interrupt;
import dev.switchboard.wamp.message.InterruptOptions;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.InvocationDetails;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.Published;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.ResultDetails;
import dev.switchboard.wamp.message.Roles;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.Unregister;
import dev.switchboard.wamp.message.Unregistered;
import dev.switchboard.wamp.message.Unsubscribe;
import dev.switchboard.wamp.message.Unsubscribed;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.WelcomeDetails;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One example of every message type, with every typed option set, plus unknown keys that must pass through. */
final class Messages {

    static final long ID = 7_814_135L;
    static final long BIG_ID = 1L << 53;

    private static final Payload ARGS = Payload.of(Arrays.asList("hello", 42L, null, true, 1.5,
            List.of(1L, "two"), Map.of("nested", List.of())), Map.of("name", "Ada", "count", -3L));

    private Messages() {
    }

    static List<WampMessage> everyType() {
        Roles clientRoles = Roles.of(Map.of("caller", Set.of("progressive_call_results", "call_canceling"),
                "callee", Set.of("call_canceling"), "subscriber", Set.of(), "publisher", Set.of()));
        return List.of(
                new Hello("realm1", new HelloDetails(clientRoles, List.of("wampcra", "anonymous"), "alice", "user",
                        Map.of("pubkey", "00ff"), "switchboard-test", Map.of("x_custom", 1L))),
                new Welcome(BIG_ID, new WelcomeDetails(Roles.of(Map.of("dealer", Set.of("call_timeout"))),
                        "alice", "user", "wampcra", "static", Map.of(), "switchboard", Map.of())),
                new Abort(CloseDetails.message("no such realm"), ErrorUris.NO_SUCH_REALM),
                new Challenge("wampcra", new ChallengeExtra("{\"nonce\":\"x\"}", "salt", 1000, 32, Map.of())),
                new Authenticate("c2lnbmF0dXJl", Map.of("channel_binding", "tls-unique")),
                new Goodbye(CloseDetails.DEFAULT, CloseUris.GOODBYE_AND_OUT),
                new Error(Call.TYPE, ID, Map.of(), "com.example.error.bad", ARGS),
                new Publish(ID, new PublishOptions(true, false, List.of(5L), List.of("bob"), List.of("guest"),
                        List.of(7L, 8L), List.of("alice"), List.of("user"), true, true, Map.of("x_trace", "t1")),
                        "com.example.topic", ARGS),
                new Published(ID, BIG_ID),
                new Subscribe(ID, new SubscribeOptions(Match.WILDCARD, true, Map.of()), "com..topic"),
                new Subscribed(ID, 3L),
                new Unsubscribe(ID, 3L),
                new Unsubscribed(ID, Map.of()),
                new Unsubscribed(0, Map.of("subscription", 3L, "reason", "wamp.subscription.revoked")),
                new Event(3L, BIG_ID, new EventDetails(99L, "alice", "user", "com.example.topic", true, Map.of()),
                        ARGS),
                new Event(3L, 4L, EventDetails.DEFAULT, Payload.transparent(new byte[] {1, 2, 3, (byte) 0xff})),
                new EventReceived(BIG_ID),
                new Call(ID, new CallOptions(5000L, true, true, true, Map.of("ppt_scheme", "x_custom")),
                        "com.example.add", ARGS),
                new Call(ID, CallOptions.DEFAULT, "com.example.noargs", Payload.EMPTY),
                new Call(ID, CallOptions.DEFAULT, "com.example.onlykw", Payload.of(List.of(), Map.of("a", 1L))),
                new Cancel(ID, new CancelOptions(CancelMode.KILLNOWAIT, Map.of())),
                new Result(ID, ResultDetails.PROGRESS, ARGS),
                new Register(ID, new RegisterOptions(Match.PREFIX, InvocationPolicy.ROUNDROBIN, 4, true, true,
                        Map.of()), "com.example."),
                new Registered(ID, 12L),
                new Unregister(ID, 12L),
                new Unregistered(ID, Map.of()),
                new Invocation(ID, 12L, new InvocationDetails(99L, "alice", "user", "com.example.add.x", true,
                        true, 2500L, Map.of()), ARGS),
                new Interrupt(ID, new InterruptOptions(CancelMode.KILL, ErrorUris.CANCELED, Map.of())),
                new Yield(ID, YieldOptions.PROGRESS, Payload.of("partial")));
    }
}
