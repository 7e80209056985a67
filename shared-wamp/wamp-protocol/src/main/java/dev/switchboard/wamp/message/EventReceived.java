package dev.switchboard.wamp.message;

/**
 * Sent by a subscriber to acknowledge the delivery of an EVENT (advanced profile, acknowledged event delivery; type 337 until ratified).
 *
 * <pre>{@code [EVENT_RECEIVED, EVENT.Publication|id]}</pre>
 */
public record EventReceived(long publicationId) implements WampMessage {

    public static final int TYPE = 337;

    public EventReceived {
        Check.id(publicationId, "EVENT_RECEIVED.Publication");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
