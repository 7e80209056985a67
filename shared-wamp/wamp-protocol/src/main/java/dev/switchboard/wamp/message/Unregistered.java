package dev.switchboard.wamp.message;

import java.util.Map;

/**
 * The dealer's acknowledgement of an UNREGISTER or, with request id 0 and Details {registration, reason}, its revocation of a registration (advanced profile).
 *
 * <pre>{@code [UNREGISTERED, UNREGISTER.Request|id]}</pre>
 * <pre>{@code [UNREGISTERED, 0, Details|dict]}</pre>
 */
public record Unregistered(long requestId, Map<String, Object> details) implements WampMessage {

    public static final int TYPE = 67;

    public Unregistered {
        Check.idOrZero(requestId, "UNREGISTERED.Request");
        details = Values.map(details);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
