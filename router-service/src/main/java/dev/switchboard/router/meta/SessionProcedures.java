package dev.switchboard.router.meta;

import dev.switchboard.router.realm.Realm;
import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.WampUri;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The session meta procedures (advanced profile, "Session Meta API"), answered from the realm's members. The meta
 * session itself is no member, so it is never counted, listed or killed.
 *
 * <p>Killing closes a session with GOODBYE: the reason defaults to {@code wamp.close.killed} (as in Crossbar.io;
 * the specification's {@code wamp.close.normal} would not tell the client it was killed). The {@code kill*}
 * procedures never kill the caller, and the {@code kill_by_*}/{@code kill_all} ones return how many they killed.
 */
final class SessionProcedures {

    static final String COUNT = "wamp.session.count";
    static final String LIST = "wamp.session.list";
    static final String GET = "wamp.session.get";
    static final String KILL = "wamp.session.kill";
    static final String KILL_BY_AUTHID = "wamp.session.kill_by_authid";
    static final String KILL_BY_AUTHROLE = "wamp.session.kill_by_authrole";
    static final String KILL_ALL = "wamp.session.kill_all";

    private final Realm realm;

    SessionProcedures(Realm realm) {
        this.realm = realm;
    }

    List<MetaProcedure> procedures() {
        return List.of(
                new MetaProcedure(COUNT, call -> MetaProcedure.result((long) members(call).size())),
                new MetaProcedure(LIST, call -> MetaProcedure.result(ids(members(call)))),
                new MetaProcedure(GET, this::get),
                new MetaProcedure(KILL, this::kill),
                new MetaProcedure(KILL_BY_AUTHID, call -> {
                    String authid = call.arguments().string(0, "authid");
                    return killAll(call, 1, member -> member.info().authid().equals(authid));
                }),
                new MetaProcedure(KILL_BY_AUTHROLE, call -> {
                    String authrole = call.arguments().string(0, "authrole");
                    return killAll(call, 1, member -> member.info().authrole().equals(authrole));
                }),
                new MetaProcedure(KILL_ALL, call -> killAll(call, 0, member -> true)));
    }

    /** The members with an authrole from {@code filter_authroles} (first argument), or all when it is absent. */
    private List<Realm.Member> members(MetaProcedure.Call call) {
        List<String> authroles = call.arguments().optionalStrings(0, "filter_authroles");
        List<Realm.Member> members = new ArrayList<>();
        for (Realm.Member member : realm.members()) {
            if (authroles == null || authroles.contains(member.info().authrole())) {
                members.add(member);
            }
        }
        return members;
    }

    private static List<Object> ids(List<Realm.Member> members) {
        List<Long> ids = new ArrayList<>(members.size());
        members.forEach(member -> ids.add(member.peer().sessionId()));
        return Values.list(ids);
    }

    /** {@code wamp.session.get(session)} → its details, else {@code wamp.error.no_such_session}. */
    private Payload get(MetaProcedure.Call call) {
        long id = call.arguments().id(0, "session");
        Realm.Member member = realm.member(id);
        if (member == null) {
            throw noSuchSession(id);
        }
        return MetaProcedure.result(MetaDetails.session(member.info()));
    }

    /** {@code wamp.session.kill(session, reason?, message?)}: the caller itself is no other session to kill. */
    private Payload kill(MetaProcedure.Call call) {
        long id = call.arguments().id(0, "session");
        Goodbye goodbye = goodbye(call, 1);
        Realm.Member member = realm.member(id);
        if (member == null || id == call.callerId()) {
            throw noSuchSession(id);
        }
        member.peer().close(goodbye.reason(), goodbye.message());
        return Payload.EMPTY;
    }

    /** Kills every member but the caller that {@code selected} accepts; the result is how many. */
    private Payload killAll(MetaProcedure.Call call, int goodbyeAt, Predicate<Realm.Member> selected) {
        Goodbye goodbye = goodbye(call, goodbyeAt);
        List<Realm.Member> doomed = new ArrayList<>();
        for (Realm.Member member : realm.members()) {
            if (member.peer().sessionId() != call.callerId() && selected.test(member)) {
                doomed.add(member);
            }
        }
        // closing may leave the realm at once (a synchronous loop), so not while iterating the members
        doomed.forEach(member -> member.peer().close(goodbye.reason(), goodbye.message()));
        return MetaProcedure.result((long) doomed.size());
    }

    private record Goodbye(String reason, @Nullable String message) {
    }

    /** The {@code reason} and {@code message} parameters, at {@code position} and after, or by keyword. */
    private static Goodbye goodbye(MetaProcedure.Call call, int position) {
        String reason = call.arguments().optionalString(position, "reason");
        String message = call.arguments().optionalString(position + 1, "message");
        if (reason == null) {
            return new Goodbye(CloseUris.KILLED, message);
        }
        if (!WampUri.isValid(reason)) {
            throw new MetaError(ErrorUris.INVALID_URI, "reason must be a valid URI, got " + Values.describe(reason));
        }
        return new Goodbye(reason, message);
    }

    private static MetaError noSuchSession(long id) {
        return new MetaError(ErrorUris.NO_SUCH_SESSION, "no other session with id " + id + " in this realm");
    }
}
