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
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.Yield;

/** The specification's names of the message types, for error messages and logs. */
public final class MessageNames {

    private MessageNames() {
    }

    /** {@code CALL} for 48; {@code MESSAGE(n)} for a type code WAMP does not define. */
    public static String of(int type) {
        return switch (type) {
            case Hello.TYPE -> "HELLO";
            case Welcome.TYPE -> "WELCOME";
            case Abort.TYPE -> "ABORT";
            case Challenge.TYPE -> "CHALLENGE";
            case Authenticate.TYPE -> "AUTHENTICATE";
            case Goodbye.TYPE -> "GOODBYE";
            case Error.TYPE -> "ERROR";
            case Publish.TYPE -> "PUBLISH";
            case Published.TYPE -> "PUBLISHED";
            case Subscribe.TYPE -> "SUBSCRIBE";
            case Subscribed.TYPE -> "SUBSCRIBED";
            case Unsubscribe.TYPE -> "UNSUBSCRIBE";
            case Unsubscribed.TYPE -> "UNSUBSCRIBED";
            case Event.TYPE -> "EVENT";
            case EventReceived.TYPE -> "EVENT_RECEIVED";
            case Call.TYPE -> "CALL";
            case Cancel.TYPE -> "CANCEL";
            case Result.TYPE -> "RESULT";
            case Register.TYPE -> "REGISTER";
            case Registered.TYPE -> "REGISTERED";
            case Unregister.TYPE -> "UNREGISTER";
            case Unregistered.TYPE -> "UNREGISTERED";
            case Invocation.TYPE -> "INVOCATION";
            case Interrupt.TYPE -> "INTERRUPT";
            case Yield.TYPE -> "YIELD";
            default -> "MESSAGE(" + type + ")";
        };
    }
}
