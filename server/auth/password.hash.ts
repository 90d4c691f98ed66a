import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with Node's scrypt (memory-hard, maintained with Node itself, no extra
 * dependency). The stored string names the algorithm and its parameters, so they can be raised
 * later while old hashes still verify:  `scrypt$v1$N$r$p$salt$hash` (base64url parts).
 */
const PREFIX = 'scrypt$v1';
/** N = 2^15, r = 8: 32 MiB and about 50-100 ms per hash, the OWASP-recommended floor. */
const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // maxmem must exceed 128·N·r, or Node refuses the parameters.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return [PREFIX, cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** False for a wrong password and for a hash string it cannot read (never throws on bad data). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 7 || `${parts[0]}$${parts[1]}` !== PREFIX) return false;
  const [N, r, p] = [Number(parts[2]), Number(parts[3]), Number(parts[4])];
  const salt = Buffer.from(parts[5] ?? '', 'base64url');
  const expected = Buffer.from(parts[6] ?? '', 'base64url');
  if (![N, r, p].every(Number.isSafeInteger) || expected.length !== KEY_BYTES) return false;
  const key = await derive(password, salt, { N, r, p });
  return timingSafeEqual(key, expected);
}

/** Verified against when the username does not exist, so both cases take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
}
