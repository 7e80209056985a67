// Answers to a CHALLENGE: ticket (the secret as it is) and wampcra (advanced profile, "Challenge Response
// Authentication"): Base64(HMAC-SHA256(key, challenge)), where the key is the secret or, for a salted secret (the
// challenge names salt, iterations and keylen), the Base64 text of PBKDF2-HMAC-SHA256(secret, salt, iterations,
// keylen). Uses WebCrypto (crypto.subtle), which browsers offer on secure origins and localhost, and node 20 too.

const DEFAULT_ITERATIONS = 1000;
const DEFAULT_KEY_LENGTH = 32;
const utf8 = new TextEncoder();

function base64(bytes) {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function subtle() {
  const s = globalThis.crypto && globalThis.crypto.subtle;
  if (!s) throw new Error('WAMP-CRA needs WebCrypto (a secure origin: https or localhost)');
  return s;
}

/** Base64(PBKDF2-HMAC-SHA256(secret, salt, iterations, keylen)): the salted secret. */
export async function deriveKey(secret, salt, iterations = DEFAULT_ITERATIONS, keylen = DEFAULT_KEY_LENGTH) {
  const material = await subtle().importKey('raw', utf8.encode(secret), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: utf8.encode(salt), iterations },
    material, keylen * 8);
  return base64(bits);
}

/** Base64(HMAC-SHA256(key, challenge)). */
export async function sign(key, challenge) {
  const hmacKey = await subtle().importKey('raw', utf8.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false,
    ['sign']);
  return base64(await subtle().sign('HMAC', hmacKey, utf8.encode(challenge)));
}

/** The signature for a wampcra CHALLENGE's extra {challenge, salt?, iterations?, keylen?}. */
export async function wampcraSignature(secret, extra) {
  if (typeof extra.challenge !== 'string') throw new Error('the wampcra challenge has no challenge string');
  const key = extra.salt ? await deriveKey(secret, extra.salt, extra.iterations ?? DEFAULT_ITERATIONS,
    extra.keylen ?? DEFAULT_KEY_LENGTH) : secret;
  return sign(key, extra.challenge);
}

/** The AUTHENTICATE signature for a CHALLENGE of this method. */
export async function answerChallenge(method, extra, secret) {
  if (secret === undefined || secret === null) throw new Error(`the router asks for ${method} but no secret is set`);
  switch (method) {
    case 'ticket': return secret;
    case 'wampcra': return wampcraSignature(secret, extra || {});
    default: throw new Error(`authentication method ${method} is not supported by this client`);
  }
}
