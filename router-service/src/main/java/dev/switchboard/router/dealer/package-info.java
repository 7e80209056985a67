/**
 * The dealer: registrations (shared, pattern-based, with per-callee concurrency), call routing, progressive
 * results and invocations, timeouts, canceling and call queues. Every method runs on the realm's routing loop.
 */
@NullMarked
package dev.switchboard.router.dealer;

import org.jspecify.annotations.NullMarked;
