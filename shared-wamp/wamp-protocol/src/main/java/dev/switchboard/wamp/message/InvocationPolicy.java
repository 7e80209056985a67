package dev.switchboard.wamp.message;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a dealer picks the callee of a shared registration ({@code REGISTER.Options.invoke}, advanced profile). */
public enum InvocationPolicy {
    /** Only one callee may register; the default. */
    SINGLE,
    /** Callees take turns in registration order. */
    ROUNDROBIN,
    /** A callee chosen uniformly at random. */
    RANDOM,
    /** The callee that registered first. */
    FIRST,
    /** The callee that registered last. */
    LAST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static @Nullable InvocationPolicy fromWireName(String name) {
        for (InvocationPolicy policy : values()) {
            if (policy.wireName().equals(name)) {
                return policy;
            }
        }
        return null;
    }
}
