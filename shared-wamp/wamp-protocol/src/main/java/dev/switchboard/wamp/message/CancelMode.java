package dev.switchboard.wamp.message;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a call is canceled ({@code CANCEL.Options.mode} and {@code INTERRUPT.Options.mode}, advanced profile). */
public enum CancelMode {
    /** The caller gets ERROR at once; the callee is not told and its result is discarded. */
    SKIP,
    /** The callee gets INTERRUPT; the caller gets the callee's answer (usually ERROR wamp.error.canceled). */
    KILL,
    /** The callee gets INTERRUPT and the caller gets ERROR at once, without waiting for the callee. */
    KILLNOWAIT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static @Nullable CancelMode fromWireName(String name) {
        for (CancelMode mode : values()) {
            if (mode.wireName().equals(name)) {
                return mode;
            }
        }
        return null;
    }
}
