package dev.switchboard.wamp.message;

import java.util.Map;
import java.util.Objects;

/**
 * The client's answer to a CHALLENGE.
 *
 * <pre>{@code [AUTHENTICATE, Signature|string, Extra|dict]}</pre>
 */
public record Authenticate(String signature, Map<String, Object> extra) implements WampMessage {

    public static final int TYPE = 5;

    public Authenticate {
        Objects.requireNonNull(signature, "AUTHENTICATE.Signature");
        extra = Values.map(extra);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
