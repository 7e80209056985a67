package dev.switchboard.router.meta;

import dev.switchboard.router.realm.Realm;
import org.jspecify.annotations.Nullable;

/**
 * Who may call which meta procedure; a refused call gets {@code wamp.error.not_authorized}. Checked on the routing
 * loop before the procedure runs. The place for restricting {@code wamp.session.kill*} to trusted roles.
 */
@FunctionalInterface
public interface MetaAccess {

    /** Every session may call every meta procedure. */
    MetaAccess ANYONE = (procedure, caller) -> true;

    /**
     * @param procedure the meta procedure's URI, e.g. {@code wamp.session.kill}
     * @param caller    the calling session, {@code null} if it left the realm before its call ran
     */
    boolean permits(String procedure, Realm.@Nullable Member caller);
}
