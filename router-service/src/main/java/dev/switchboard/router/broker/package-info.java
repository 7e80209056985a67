/**
 * The broker: subscriptions, publication routing with exclusion and eligibility rules, and event retention.
 * Every method runs on the realm's routing loop.
 */
@NullMarked
package dev.switchboard.router.broker;

import org.jspecify.annotations.NullMarked;
