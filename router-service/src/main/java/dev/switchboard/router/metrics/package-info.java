/**
 * The router's Micrometer metrics: sessions per realm, routing backlog, calls and their latency by procedure.
 */
@NullMarked
package dev.switchboard.router.metrics;

import org.jspecify.annotations.NullMarked;
