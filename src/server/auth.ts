import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { AuthenticatedUser, AuthToken, BoltBackend } from '../bolt/index.js';
import { AuthenticationError } from '../errors/index.js';

/**
 * Users and authentication for the Bolt listener. Passwords are only ever stored as scrypt hashes with a
 * per-user random salt, in the text form `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`; checks run the
 * same scrypt over the offered password and compare in constant time. An unknown user is checked against a
 * dummy hash, so the answer takes as long as for a known one (no user enumeration by timing). Credentials
 * are never logged or kept in clear text after startup.
 */

/** scrypt cost parameters (RFC 7914). */
export interface ScryptParameters {
  /** CPU/memory cost, a power of two (default 16384). */
  readonly N: number;
  /** Block size (default 8). */
  readonly r: number;
  /** Parallelisation (default 1). */
  readonly p: number;
}

/** Node's defaults: about 50 ms and 16 MiB per hash on a typical core. */
export const DEFAULT_SCRYPT: ScryptParameters = Object.freeze({ N: 16384, r: 8, p: 1 });

const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** A user from the configuration: give `password` (hashed at startup) or a ready `passwordHash`. */
export interface UserConfig {
  readonly username: string;
  readonly password?: string;
  /** A hash made by {@link hashPassword}. */
  readonly passwordHash?: string;
}

/** The authentication section of the server configuration. */
export interface AuthConfig {
  /**
   * Whether clients must log in with `basic` credentials (default true). When false every token is accepted
   * (scheme `none` included), like Neo4j with `dbms.security.auth_enabled=false`.
   */
  readonly required?: boolean;
  readonly users?: readonly UserConfig[];
  /** Cost of hashes made at startup (tests lower it). */
  readonly scrypt?: ScryptParameters;
}

/** Checks auth tokens. Backends may use it directly; {@link withAuthenticator} puts it in front of one. */
export interface Authenticator {
  /** @throws AuthenticationError (`Neo.ClientError.Security.Unauthorized`) for anything but valid credentials */
  authenticate(token: AuthToken): Promise<AuthenticatedUser>;
}

interface StoredHash {
  readonly parameters: ScryptParameters;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function derive(
  password: string,
  salt: Buffer,
  parameters: ScryptParameters,
  length: number,
): Promise<Buffer> {
  const options: ScryptOptions = {
    N: parameters.N,
    r: parameters.r,
    p: parameters.p,
    maxmem: 256 * parameters.N * parameters.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });
}

/** Hashes a password with a fresh random salt, in the stored text form. */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = DEFAULT_SCRYPT,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, parameters, KEY_BYTES);
  const { N, r, p } = parameters;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/**
 * Reads a stored hash.
 * @throws TypeError (a configuration mistake, found at startup) when the text is not a hash made by {@link hashPassword}
 */
function parseHash(text: string, username: string): StoredHash {
  const parts = text.split('$');
  const [scheme, n, r, p, salt, hash] = parts;
  const [N = 0, rValue = 0, pValue = 0] = [n, r, p].map(Number);
  const valid =
    parts.length === 6 &&
    scheme === 'scrypt' &&
    isUsableScrypt({ N, r: rValue, p: pValue }) &&
    salt !== undefined &&
    hash !== undefined &&
    Buffer.from(hash, 'base64').length >= 16;
  if (!valid) throw new TypeError(`The password hash of user "${username}" is not a scrypt hash`);
  return {
    parameters: { N, r: rValue, p: pValue },
    salt: Buffer.from(salt, 'base64'),
    hash: Buffer.from(hash, 'base64'),
  };
}

async function matches(password: string, stored: StoredHash): Promise<boolean> {
  const derived = await derive(password, stored.salt, stored.parameters, stored.hash.length);
  return timingSafeEqual(derived, stored.hash);
}

/**
 * Builds an authenticator from the configuration. Clear-text passwords are hashed once, in the background
 * on libuv's thread pool (about 50 ms each, side by side): the server is ready to accept connections
 * before that ends, and a login that arrives earlier waits for it (issue #6: start-up time).
 * @throws TypeError (a configuration mistake) for a user without password, a duplicate user, a malformed
 * hash or scrypt parameters that cannot work
 */
export function createAuthenticator(config: AuthConfig = {}): Authenticator {
  const required = config.required ?? true;
  const parameters = config.scrypt ?? DEFAULT_SCRYPT;
  checkParameters(parameters);
  const users = new Map<string, StoredHash>();
  const clearText: { readonly username: string; readonly password: string }[] = [];
  for (const user of config.users ?? []) {
    if (users.has(user.username) || clearText.some((each) => each.username === user.username)) {
      throw new TypeError(`User "${user.username}" is configured twice`);
    }
    if (user.passwordHash !== undefined)
      users.set(user.username, parseHash(user.passwordHash, user.username));
    else if (user.password !== undefined)
      clearText.push({ username: user.username, password: user.password });
    else throw new TypeError(`User "${user.username}" needs a password or a passwordHash`);
  }
  if (!required) {
    // Every token is accepted: nothing to hash.
    return {
      authenticate: (token) =>
        Promise.resolve({
          username: token.scheme === 'basic' && token.principal !== null ? token.principal : 'anonymous',
        }),
    };
  }
  // The dummy (for unknown users) and every clear-text password, hashed side by side.
  const hashed = Promise.all([
    hashPassword(randomBytes(12).toString('base64'), parameters),
    ...clearText.map((user) => hashPassword(user.password, parameters)),
  ]).then(([dummyText, ...hashes]) => {
    clearText.forEach((user, index) => {
      users.set(user.username, parseHash(hashes[index] ?? '', user.username));
    });
    return parseHash(dummyText, 'dummy');
  });
  // Observed here so that a failure is never unhandled; every login awaits `hashed` and sees it.
  hashed.catch(() => undefined);
  return {
    async authenticate(token: AuthToken): Promise<AuthenticatedUser> {
      if (token.scheme !== 'basic') {
        throw new AuthenticationError(
          `Unsupported authentication token, scheme "${token.scheme}" is not allowed: use "basic"`,
        );
      }
      const username = token.principal ?? '';
      const dummy = await hashed;
      const stored = users.get(username);
      const ok = await matches(token.credentials ?? '', stored ?? dummy);
      if (!ok || stored === undefined) throw new AuthenticationError();
      return { username };
    },
  };
}

/**
 * Whether scrypt can run with `parameters`: N a power of two from 2 to 2^30, r and p positive integers,
 * r * p below 2^30 (RFC 7914). Configured parameters and those of stored hashes are held to it at
 * start-up, so that a mistake stops start-up instead of every login.
 */
function isUsableScrypt({ N, r, p }: ScryptParameters): boolean {
  const integers = [N, r, p].every((value) => Number.isSafeInteger(value) && value > 0);
  return integers && N >= 2 && N <= 2 ** 30 && (N & (N - 1)) === 0 && r * p < 2 ** 30;
}

/** @throws TypeError unless {@link isUsableScrypt} */
function checkParameters(parameters: ScryptParameters): void {
  if (!isUsableScrypt(parameters)) {
    const { N, r, p } = parameters;
    throw new TypeError(`Invalid scrypt parameters N=${N}, r=${r}, p=${p}`);
  }
}

/** A backend whose `authenticate` is answered by `authenticator`; everything else goes to `backend`. */
export function withAuthenticator(backend: BoltBackend, authenticator: Authenticator): BoltBackend {
  return {
    serverInfo: backend.serverInfo,
    authenticate: (token) => authenticator.authenticate(token),
    beginTransaction: (request) => backend.beginTransaction(request),
    routingTable: (request) => backend.routingTable(request),
  };
}
