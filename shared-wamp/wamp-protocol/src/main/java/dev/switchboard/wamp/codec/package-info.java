/**
 * Codecs in two layers: a {@link dev.switchboard.wamp.codec.Serializer} per format turns bytes into generic values
 * and back (JSON, MessagePack, CBOR), and the one {@link dev.switchboard.wamp.codec.MessageMapper} turns those
 * values into validated, immutable messages and back. A {@link dev.switchboard.wamp.codec.WampCodec} joins the two.
 */
@NullMarked
package dev.switchboard.wamp.codec;

import org.jspecify.annotations.NullMarked;
