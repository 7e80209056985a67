package dev.switchboard.orchestrator.run;

import java.util.Locale;

/** Where a run is in its life; the wire name is the lower-case name. */
public enum RunState {
    QUEUED, RUNNING, FINISHED, STOPPED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean ended() {
        return this == FINISHED || this == STOPPED || this == FAILED;
    }
}
