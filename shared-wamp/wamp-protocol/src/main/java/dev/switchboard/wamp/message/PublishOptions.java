package dev.switchboard.wamp.message;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUBLISH.Options}: {@code acknowledge}; publisher exclusion ({@code exclude_me}, default {@code true});
 * subscriber black- and whitelisting by session id, authid and authrole ({@code exclude*}, {@code eligible*});
 * publisher identification ({@code disclose_me}); event retention ({@code retain}).
 *
 * @param eligible         {@code null} when every subscriber is eligible (an empty list admits none)
 * @param eligibleAuthid   {@code null} when not restricted
 * @param eligibleAuthrole {@code null} when not restricted
 * @param other            entries not typed here, passed through unchanged
 */
public record PublishOptions(boolean acknowledge, boolean excludeMe,
                             List<Long> exclude, List<String> excludeAuthid, List<String> excludeAuthrole,
                             @Nullable List<Long> eligible, @Nullable List<String> eligibleAuthid,
                             @Nullable List<String> eligibleAuthrole,
                             boolean discloseMe, boolean retain, Map<String, Object> other) {

    public static final PublishOptions DEFAULT = new PublishOptions(false, true, List.of(), List.of(), List.of(),
            null, null, null, false, false, Map.of());

    public PublishOptions {
        exclude = List.copyOf(exclude);
        excludeAuthid = List.copyOf(excludeAuthid);
        excludeAuthrole = List.copyOf(excludeAuthrole);
        eligible = eligible == null ? null : List.copyOf(eligible);
        eligibleAuthid = eligibleAuthid == null ? null : List.copyOf(eligibleAuthid);
        eligibleAuthrole = eligibleAuthrole == null ? null : List.copyOf(eligibleAuthrole);
        other = Values.map(other);
    }

    public static PublishOptions fromWire(Map<String, Object> wire) {
        if (wire.isEmpty()) {
            return DEFAULT;
        }
        WireFields fields = new WireFields("PUBLISH.Options", wire).passthrough();
        return new PublishOptions(
                fields.bool("acknowledge", false),
                fields.bool("exclude_me", true),
                orEmpty(fields.ids("exclude")),
                orEmpty(fields.strings("exclude_authid")),
                orEmpty(fields.strings("exclude_authrole")),
                fields.ids("eligible"),
                fields.strings("eligible_authid"),
                fields.strings("eligible_authrole"),
                fields.bool("disclose_me", false),
                fields.bool("retain", false),
                fields.other());
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    public Map<String, Object> toWire() {
        return new WireFields.Writer()
                .flag("acknowledge", acknowledge, false)
                .flag("exclude_me", excludeMe, true)
                .put("exclude", exclude.isEmpty() ? null : exclude)
                .put("exclude_authid", excludeAuthid.isEmpty() ? null : excludeAuthid)
                .put("exclude_authrole", excludeAuthrole.isEmpty() ? null : excludeAuthrole)
                .put("eligible", eligible)
                .put("eligible_authid", eligibleAuthid)
                .put("eligible_authrole", eligibleAuthrole)
                .flag("disclose_me", discloseMe, false)
                .flag("retain", retain, false)
                .with(other);
    }
}
