package dev.switchboard.router.contract;

import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.codec.WampCodec;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Valid WAMP messages of every type, with the options the router acts on, encoded in every serialization: what the
 * fuzzer mutates, and sends unchanged now and then so that sessions build up routing state between bad frames. URIs
 * lie under {@code fuzz.}, so that nothing the fuzzer leaves behind (retained events) meets another test.
 */
final class FuzzSeeds {

    static final Hello HELLO = new Hello(TestClient.REALM, new HelloDetails(TestClient.ROLES, List.of("anonymous"),
            null, null, Map.of(), "fuzzer", Map.of()));

    private static final Payload PAYLOAD = Payload.of(Arrays.asList("text", 1L, -2L, 2.5, true, null,
            new byte[] {0, 1, (byte) 0xFF}, List.of(1L, "two")), Map.of("key", Map.of("nested", List.of(false))));

    static final Publish PUBLISH = new Publish(1, PublishOptions.DEFAULT, "fuzz.topic", PAYLOAD);

    /** One of each message type, several for the requests whose options change routing. */
    static final List<WampMessage> MESSAGES = List.of(
            HELLO,
            new Welcome(1, new WelcomeDetails(TestClient.ROLES, "fuzzer", "anonymous", "anonymous", "static",
                    Map.of(), "fuzzer", Map.of())),
            new Abort(CloseDetails.message("fuzz"), CloseUris.NORMAL),
            new Challenge("wampcra", ChallengeExtra.DEFAULT),
            new Authenticate("signature", Map.of("extra", 1L)),
            new Goodbye(CloseDetails.DEFAULT, CloseUris.NORMAL),
            new Error(Invocation.TYPE, 1, Map.of(), "fuzz.error", PAYLOAD),
            new Error(Call.TYPE, 1, Map.of(), ErrorUris.CANCELED, Payload.EMPTY),
            PUBLISH,
            new Publish(2, new PublishOptions(true, false, List.of(1L), List.of("x"), List.of("y"), null, null, null,
                    true, true, Map.of()), "fuzz.topic.retained", PAYLOAD),
            new Publish(3, new PublishOptions(true, true, List.of(), List.of(), List.of(), List.of(1L, 2L),
                    List.of("fuzzer"), List.of("anonymous"), false, false, Map.of()), "fuzz.topic", Payload.EMPTY),
            new Published(1, 2),
            new Subscribe(1, SubscribeOptions.DEFAULT, "fuzz.topic"),
            new Subscribe(2, new SubscribeOptions(Match.PREFIX, true, Map.of()), "fuzz"),
            new Subscribe(3, new SubscribeOptions(Match.WILDCARD, false, Map.of()), "fuzz..retained"),
            new Subscribe(4, SubscribeOptions.DEFAULT, "wamp.session.on_join"),
            new Subscribed(1, 2),
            new Unsubscribe(1, 1),
            new Unsubscribed(1, Map.of()),
            new Event(1, 2, new EventDetails(1L, "a", "b", "fuzz.topic", true, Map.of()), PAYLOAD),
            new EventReceived(1),
            new Call(1, CallOptions.DEFAULT, "fuzz.procedure", PAYLOAD),
            new Call(2, new CallOptions(50L, true, false, true, Map.of()), "fuzz.procedure", Payload.EMPTY),
            new Call(3, new CallOptions(null, false, true, false, Map.of()), "fuzz.procedure", PAYLOAD),
            new Call(4, CallOptions.DEFAULT, "wamp.session.count", Payload.EMPTY),
            new Call(5, CallOptions.DEFAULT, "wamp.session.add_testament",
                    Payload.of(List.of("fuzz.testament", List.of("gone")), Map.of())),
            new Call(6, CallOptions.DEFAULT, "wamp.session.kill_all", Payload.EMPTY),
            new Call(7, CallOptions.DEFAULT, "wamp.registration.match", Payload.of("fuzz.procedure")),
            new Cancel(1, new CancelOptions(CancelMode.KILL, Map.of())),
            new Cancel(2, new CancelOptions(CancelMode.KILLNOWAIT, Map.of())),
            new Cancel(3, new CancelOptions(CancelMode.SKIP, Map.of())),
            new Result(1, ResultDetails.PROGRESS, PAYLOAD),
            new Register(1, RegisterOptions.DEFAULT, "fuzz.procedure"),
            new Register(2, new RegisterOptions(Match.EXACT, InvocationPolicy.ROUNDROBIN, 1, false, true, Map.of()),
                    "fuzz.shared"),
            new Register(3, new RegisterOptions(Match.PREFIX, InvocationPolicy.RANDOM, null, true, false, Map.of()),
                    "fuzz"),
            new Registered(1, 2),
            new Unregister(1, 1),
            new Unregistered(1, Map.of()),
            new Invocation(1, 2, new InvocationDetails(1L, "a", "b", "fuzz.procedure", true, true, 5L, Map.of()),
                    PAYLOAD),
            new Interrupt(1, new InterruptOptions(CancelMode.KILL, ErrorUris.CANCELED, Map.of())),
            new Yield(1, YieldOptions.PROGRESS, PAYLOAD),
            new Yield(1, YieldOptions.DEFAULT, Payload.EMPTY));

    private final Map<Serialization, List<byte[]>> frames = new EnumMap<>(Serialization.class);
    private final Map<Serialization, byte[]> hellos = new EnumMap<>(Serialization.class);

    FuzzSeeds() {
        for (Serialization serialization : Serialization.values()) {
            WampCodec codec = WampCodec.of(serialization);
            List<byte[]> encoded = new ArrayList<>();
            MESSAGES.forEach(message -> encoded.add(codec.encode(message)));
            frames.put(serialization, List.copyOf(encoded));
            hellos.put(serialization, codec.encode(HELLO));
        }
    }

    List<byte[]> frames(Serialization serialization) {
        return frames.get(serialization);
    }

    byte[] hello(Serialization serialization) {
        return hellos.get(serialization);
    }
}
