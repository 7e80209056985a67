package dev.switchboard.wamp.codec;

import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.Call;
import dev.switchboard.wamp.message.Cancel;
import dev.switchboard.wamp.message.Challenge;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Event;
import dev.switchboard.wamp.message.EventReceived;
import dev.switchboard.wamp.message.Goodbye;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.Interrupt;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Publish;
import dev.switchboard.wamp.message.Published;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.Registered;
import dev.switchboard.wamp.message.Result;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.Unregister;
import dev.switchboard.wamp.message.Unregistered;
import dev.switchboard.wamp.message.Unsubscribe;
import dev.switchboard.wamp.message.Unsubscribed;
import dev.switchboard.wamp.message.WampMessage;
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.Yield;
import java.util.HashMap;
import java.util.Map;

/** A decoded message as the attribute names the WAMP test vectors use ({@code request_id}, {@code args}, ...). */
final class VectorAttributes {

    private VectorAttributes() {
    }

    static Map<String, Object> of(WampMessage message) {
        Map<String, Object> a = new HashMap<>();
        a.put("message_type", (long) message.type());
        switch (message) {
            case Hello m -> {
                a.put("realm", m.realm());
                a.put("roles", m.details().roles().byName());
                a.put("details", m.details().toWire());
            }
            case Welcome m -> {
                a.put("session_id", m.sessionId());
                a.put("roles", m.details().roles().byName());
                a.put("details", m.details().toWire());
            }
            case Abort m -> {
                a.put("details", m.details().toWire());
                a.put("reason", m.reason());
            }
            case Goodbye m -> {
                a.put("details", m.details().toWire());
                a.put("reason", m.reason());
            }
            case Challenge m -> {
                a.put("method", m.authMethod());
                a.put("extra", m.extra().toWire());
            }
            case Authenticate m -> {
                a.put("signature", m.signature());
                a.put("extra", m.extra());
            }
            case Error m -> {
                a.put("request_type", (long) m.requestType());
                a.put("request_id", m.requestId());
                a.put("details", m.details());
                a.put("error", m.error());
                payload(a, m.payload());
            }
            case Publish m -> {
                a.put("request_id", m.requestId());
                a.put("options", m.options().toWire());
                a.put("topic", m.topic());
                payload(a, m.payload());
            }
            case Published m -> {
                a.put("request_id", m.requestId());
                a.put("publication_id", m.publicationId());
            }
            case Subscribe m -> {
                a.put("request_id", m.requestId());
                a.put("options", m.options().toWire());
                a.put("topic", m.topic());
            }
            case Subscribed m -> {
                a.put("request_id", m.requestId());
                a.put("subscription_id", m.subscriptionId());
            }
            case Unsubscribe m -> {
                a.put("request_id", m.requestId());
                a.put("subscription_id", m.subscriptionId());
            }
            case Unsubscribed m -> a.put("request_id", m.requestId());
            case Event m -> {
                a.put("subscription", m.subscriptionId());
                a.put("publication", m.publicationId());
                a.put("details", m.details().toWire());
                payload(a, m.payload());
            }
            case EventReceived m -> a.put("publication_id", m.publicationId());
            case Call m -> {
                a.put("request_id", m.requestId());
                a.put("options", m.options().toWire());
                a.put("procedure", m.procedure());
                payload(a, m.payload());
            }
            case Cancel m -> {
                a.put("request_id", m.requestId());
                a.put("options", m.options().toWire());
            }
            case Result m -> {
                a.put("request_id", m.requestId());
                a.put("details", m.details().toWire());
                payload(a, m.payload());
            }
            case Register m -> {
                a.put("request_id", m.requestId());
                a.put("options", m.options().toWire());
                a.put("procedure", m.procedure());
            }
            case Registered m -> {
                a.put("request_id", m.requestId());
                a.put("registration_id", m.registrationId());
            }
            case Unregister m -> {
                a.put("request_id", m.requestId());
                a.put("registration_id", m.registrationId());
            }
            case Unregistered m -> a.put("request_id", m.requestId());
            case Invocation m -> {
                a.put("request_id", m.requestId());
                a.put("registration_id", m.registrationId());
                a.put("details", m.details().toWire());
                payload(a, m.payload());
            }
            case Interrupt m -> {
                a.put("request_id", m.requestId());
                a.put("options", m.options().toWire());
            }
            case Yield m -> {
                a.put("request_id", m.requestId());
                a.put("options", m.options().toWire());
                payload(a, m.payload());
            }
        }
        return a;
    }

    private static void payload(Map<String, Object> a, Payload payload) {
        switch (payload) {
            case Payload.Arguments args -> {
                a.put("args", args.args());
                a.put("kwargs", args.kwargs());
            }
            case Payload.Transparent t -> a.put("payload", t.bytes());
        }
    }
}
