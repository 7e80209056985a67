// WAMP v2 message codes and the JSON serializer (subprotocol wamp.2.json).
// A message on the wire is a JSON array whose first element is its type code, e.g. CALL is
// [48, Request|id, Options|dict, Procedure|uri, Arguments|list?, ArgumentsKw|dict?].

export const SUBPROTOCOL = 'wamp.2.json';

export const HELLO = 1;
export const WELCOME = 2;
export const ABORT = 3;
export const CHALLENGE = 4;
export const AUTHENTICATE = 5;
export const GOODBYE = 6;
export const ERROR = 8;
export const PUBLISH = 16;
export const PUBLISHED = 17;
export const SUBSCRIBE = 32;
export const SUBSCRIBED = 33;
export const UNSUBSCRIBE = 34;
export const UNSUBSCRIBED = 35;
export const EVENT = 36;
export const CALL = 48;
export const CANCEL = 49;
export const RESULT = 50;
export const REGISTER = 64;
export const REGISTERED = 65;
export const UNREGISTER = 66;
export const UNREGISTERED = 67;
export const INVOCATION = 68;
export const INTERRUPT = 69;
export const YIELD = 70;

/** The roles and features a client announces in HELLO.Details.roles. */
export const ROLES = {
  caller: { features: { progressive_call_results: true, call_canceling: true, call_timeout: true,
    caller_identification: true } },
  callee: { features: { progressive_call_results: true, call_canceling: true, shared_registration: true,
    pattern_based_registration: true, caller_identification: true } },
  publisher: { features: { publisher_exclusion: true, publisher_identification: true } },
  subscriber: { features: { pattern_based_subscription: true, publisher_identification: true } },
};

/** The smallest shape of each message a client receives: [type, ...] with this many elements at least. */
const MIN_LENGTH = {
  [WELCOME]: 3, [ABORT]: 3, [CHALLENGE]: 3, [GOODBYE]: 3, [ERROR]: 5, [PUBLISHED]: 3, [SUBSCRIBED]: 3,
  [UNSUBSCRIBED]: 2, [EVENT]: 4, [RESULT]: 3, [REGISTERED]: 3, [UNREGISTERED]: 2, [INVOCATION]: 4, [INTERRUPT]: 3,
};

export class ProtocolError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/**
 * A message with a payload, without trailing empties: [..., args, kwargs] where kwargs is left out when empty, and
 * args too when kwargs is left out and args is empty.
 */
export function withPayload(message, args, kwargs) {
  const hasKwargs = kwargs && Object.keys(kwargs).length > 0;
  if (hasKwargs) return [...message, args || [], kwargs];
  if (args && args.length > 0) return [...message, args];
  return message;
}

/** The message as JSON text. */
export function encode(message) {
  return JSON.stringify(message);
}

/** A received frame as a checked message array; throws ProtocolError on anything else. */
export function decode(text) {
  if (typeof text !== 'string') throw new ProtocolError('expected a text frame (wamp.2.json)');
  let message;
  try {
    message = JSON.parse(text);
  } catch (e) {
    throw new ProtocolError(`not JSON: ${e.message}`);
  }
  if (!Array.isArray(message) || !Number.isInteger(message[0])) {
    throw new ProtocolError('a WAMP message is an array that starts with its type code');
  }
  const min = MIN_LENGTH[message[0]];
  if (min === undefined) throw new ProtocolError(`message type ${message[0]} is not one a client receives`);
  if (message.length < min) throw new ProtocolError(`message type ${message[0]} needs ${min} elements`);
  const args = payloadIndex(message[0]);
  if (args !== undefined) {
    if (message.length > args && !Array.isArray(message[args])) throw new ProtocolError('Arguments must be a list');
    if (message.length > args + 1 && (typeof message[args + 1] !== 'object' || message[args + 1] === null
      || Array.isArray(message[args + 1]))) {
      throw new ProtocolError('ArgumentsKw must be a dict');
    }
  }
  return message;
}

/** Where a received message's Arguments are (undefined for messages without a payload). */
export function payloadIndex(type) {
  switch (type) {
    case ERROR: return 5;
    case EVENT: return 4;
    case RESULT: return 3;
    case INVOCATION: return 4;
    default: return undefined;
  }
}
