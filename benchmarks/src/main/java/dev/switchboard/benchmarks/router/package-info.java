/**
 * A load CLI for the router: starts the router jar as a process of its own and drives it with RawSocket/MessagePack
 * clients on Netty, measuring throughput, latency and the router's CPU time and heap per operation.
 */
@NullMarked
package dev.switchboard.benchmarks.router;

import org.jspecify.annotations.NullMarked;
