// What a WAMP request can end in besides a plain value: an ERROR, or a result with both args and kwargs.

/** An application or protocol error: the ERROR's URI, and its args and kwargs. */
export class WampError extends Error {
  constructor(error, args = [], kwargs = {}) {
    super(typeof args[0] === 'string' ? `${error}: ${args[0]}` : error);
    this.name = 'WampError';
    this.error = error;
    this.args = args;
    this.kwargs = kwargs;
  }
}

/** What a procedure handler returns to send both args and kwargs. */
export class WampResult {
  constructor(args = [], kwargs = {}) {
    this.args = args;
    this.kwargs = kwargs;
  }
}
