package dev.switchboard.wamp.codec;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.IdGenerator;
import dev.switchboard.wamp.InvalidUriException;
import dev.switchboard.wamp.ProtocolViolationException;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.Cancel;
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
import dev.switchboard.wamp.message.Values;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.WelcomeDetails;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Generic values ↔ messages, for every serialization: the one table of message layouts. Reading validates every
 * element (type, range, URI rules, typed options) and either returns a complete message or throws a
 * {@link ProtocolViolationException} that says what is wrong; it never returns a partly read message.
 */
public final class MessageMapper {

    private MessageMapper() {
    }

    /** The message the values of one frame describe. */
    public static WampMessage fromValues(List<Object> values) {
        if (values.isEmpty()) {
            throw new ProtocolViolationException("a WAMP message must be a non-empty array");
        }
        if (!(values.get(0) instanceof Long code)) {
            throw new ProtocolViolationException("a WAMP message must start with its integer type code, got "
                    + Values.describe(values.get(0)));
        }
        int type = code > Integer.MAX_VALUE || code < 0 ? -1 : code.intValue();
        MessageReader in = new MessageReader(MessageNames.of(type), values);
        try {
            WampMessage message = switch (type) {
                case Hello.TYPE -> new Hello(in.string("Realm"), HelloDetails.fromWire(in.dict("Details")));
                case Welcome.TYPE -> new Welcome(in.id("Session"), WelcomeDetails.fromWire(in.dict("Details")));
                case Abort.TYPE -> new Abort(CloseDetails.fromWire("ABORT.Details", in.dict("Details")),
                        in.string("Reason"));
                case Challenge.TYPE -> new Challenge(in.string("AuthMethod"),
                        ChallengeExtra.fromWire(in.dict("Extra")));
                case Authenticate.TYPE -> new Authenticate(in.string("Signature"), in.dict("Extra"));
                case Goodbye.TYPE -> new Goodbye(CloseDetails.fromWire("GOODBYE.Details", in.dict("Details")),
                        in.string("Reason"));
                case Error.TYPE -> new Error(in.integer("REQUEST.Type"), in.id("REQUEST.Request"),
                        in.dict("Details"), in.string("Error"), in.payload());
                case Publish.TYPE -> new Publish(in.id("Request"), PublishOptions.fromWire(in.dict("Options")),
                        in.string("Topic"), in.payload());
                case Published.TYPE -> new Published(in.id("PUBLISH.Request"), in.id("Publication"));
                case Subscribe.TYPE -> new Subscribe(in.id("Request"),
                        SubscribeOptions.fromWire(in.dict("Options")), in.string("Topic"));
                case Subscribed.TYPE -> new Subscribed(in.id("SUBSCRIBE.Request"), in.id("Subscription"));
                case Unsubscribe.TYPE -> new Unsubscribe(in.id("Request"), in.id("SUBSCRIBED.Subscription"));
                case Unsubscribed.TYPE -> new Unsubscribed(in.idOrZero("UNSUBSCRIBE.Request"),
                        in.optionalDict("Details"));
                case Event.TYPE -> new Event(in.id("SUBSCRIBED.Subscription"), in.id("PUBLISHED.Publication"),
                        EventDetails.fromWire(in.dict("Details")), in.payload());
                case EventReceived.TYPE -> new EventReceived(in.id("EVENT.Publication"));
                case Call.TYPE -> new Call(in.id("Request"), CallOptions.fromWire(in.dict("Options")),
                        in.string("Procedure"), in.payload());
                case Cancel.TYPE -> new Cancel(in.id("CALL.Request"), CancelOptions.fromWire(in.dict("Options")));
                case Result.TYPE -> new Result(in.id("CALL.Request"), ResultDetails.fromWire(in.dict("Details")),
                        in.payload());
                case Register.TYPE -> new Register(in.id("Request"), RegisterOptions.fromWire(in.dict("Options")),
                        in.string("Procedure"));
                case Registered.TYPE -> new Registered(in.id("REGISTER.Request"), in.id("Registration"));
                case Unregister.TYPE -> new Unregister(in.id("Request"), in.id("REGISTERED.Registration"));
                case Unregistered.TYPE -> new Unregistered(in.idOrZero("UNREGISTER.Request"),
                        in.optionalDict("Details"));
                case Invocation.TYPE -> new Invocation(in.id("Request"), in.id("REGISTERED.Registration"),
                        InvocationDetails.fromWire(in.dict("Details")), in.payload());
                case Interrupt.TYPE -> new Interrupt(in.id("INVOCATION.Request"),
                        InterruptOptions.fromWire(in.dict("Options")));
                case Yield.TYPE -> new Yield(in.id("INVOCATION.Request"), YieldOptions.fromWire(in.dict("Options")),
                        in.payload());
                default -> throw new ProtocolViolationException("unknown WAMP message type " + code);
            };
            in.end();
            return message;
        } catch (InvalidUriException e) {
            throw new ProtocolViolationException(e.getMessage(), e, answerable(type, values));
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolationException(e.getMessage(), e);
        }
    }

    /**
     * A request with a bad URI is answered with ERROR {@code wamp.error.invalid_uri} (basic profile, "Incorrect
     * URIs") when the rest of it is well-formed enough to answer: a known request type and a valid request id.
     */
    private static ProtocolViolationException.@Nullable FailedRequest answerable(int type, List<Object> values) {
        boolean request = type == Subscribe.TYPE || type == Publish.TYPE || type == Call.TYPE
                || type == Register.TYPE;
        if (request && values.size() > 1 && values.get(1) instanceof Long id && IdGenerator.isValidId(id)) {
            return new ProtocolViolationException.FailedRequest(type, id, ErrorUris.INVALID_URI);
        }
        return null;
    }

    /** The values of {@code message} in wire order, trailing empty payload elements left out. */
    public static List<Object> toValues(WampMessage message) {
        return Values.adoptList(switch (message) {
            case Hello m -> new Object[] {Hello.TYPE, m.realm(), m.details().toWire()};
            case Welcome m -> new Object[] {Welcome.TYPE, m.sessionId(), m.details().toWire()};
            case Abort m -> new Object[] {Abort.TYPE, m.details().toWire(), m.reason()};
            case Challenge m -> new Object[] {Challenge.TYPE, m.authMethod(), m.extra().toWire()};
            case Authenticate m -> new Object[] {Authenticate.TYPE, m.signature(), m.extra()};
            case Goodbye m -> new Object[] {Goodbye.TYPE, m.details().toWire(), m.reason()};
            case Error m -> withPayload(m.payload(), Error.TYPE, m.requestType(), m.requestId(), m.details(),
                    m.error());
            case Publish m -> withPayload(m.payload(), Publish.TYPE, m.requestId(), m.options().toWire(), m.topic());
            case Published m -> new Object[] {Published.TYPE, m.requestId(), m.publicationId()};
            case Subscribe m -> new Object[] {Subscribe.TYPE, m.requestId(), m.options().toWire(), m.topic()};
            case Subscribed m -> new Object[] {Subscribed.TYPE, m.requestId(), m.subscriptionId()};
            case Unsubscribe m -> new Object[] {Unsubscribe.TYPE, m.requestId(), m.subscriptionId()};
            case Unsubscribed m -> m.details().isEmpty() ? new Object[] {Unsubscribed.TYPE, m.requestId()}
                    : new Object[] {Unsubscribed.TYPE, m.requestId(), m.details()};
            case Event m -> withPayload(m.payload(), Event.TYPE, m.subscriptionId(), m.publicationId(),
                    m.details().toWire());
            case EventReceived m -> new Object[] {EventReceived.TYPE, m.publicationId()};
            case Call m -> withPayload(m.payload(), Call.TYPE, m.requestId(), m.options().toWire(), m.procedure());
            case Cancel m -> new Object[] {Cancel.TYPE, m.requestId(), m.options().toWire()};
            case Result m -> withPayload(m.payload(), Result.TYPE, m.requestId(), m.details().toWire());
            case Register m -> new Object[] {Register.TYPE, m.requestId(), m.options().toWire(), m.procedure()};
            case Registered m -> new Object[] {Registered.TYPE, m.requestId(), m.registrationId()};
            case Unregister m -> new Object[] {Unregister.TYPE, m.requestId(), m.registrationId()};
            case Unregistered m -> m.details().isEmpty() ? new Object[] {Unregistered.TYPE, m.requestId()}
                    : new Object[] {Unregistered.TYPE, m.requestId(), m.details()};
            case Invocation m -> withPayload(m.payload(), Invocation.TYPE, m.requestId(), m.registrationId(),
                    m.details().toWire());
            case Interrupt m -> new Object[] {Interrupt.TYPE, m.requestId(), m.options().toWire()};
            case Yield m -> withPayload(m.payload(), Yield.TYPE, m.requestId(), m.options().toWire());
        });
    }

    private static Object[] withPayload(Payload payload, Object... head) {
        return switch (payload) {
            case Payload.Transparent t -> append(head, t.bytes());
            case Payload.Arguments a when !a.kwargs().isEmpty() -> append(head, a.args(), a.kwargs());
            case Payload.Arguments a when !a.args().isEmpty() -> append(head, a.args());
            case Payload.Arguments a -> head;
        };
    }

    private static Object[] append(Object[] head, Object... tail) {
        Object[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
