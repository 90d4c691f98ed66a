/** Fixed-size bitsets packed in Uint32Array rows: the universe of a set-cover instance. */
export interface BitRows {
  /** Number of sets (rows). */
  sets: number;
  /** Number of elements (bits per row). */
  elements: number;
  /** 32-bit words per row. */
  words: number;
  bits: Uint32Array;
}

export function newBitRows(sets: number, elements: number): BitRows {
  const words = Math.ceil(elements / 32);
  return { sets, elements, words, bits: new Uint32Array(sets * words) };
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A bitset with every one of n elements set. */
export function fullSet(n: number): Uint32Array {
  const s = new Uint32Array(Math.ceil(n / 32)).fill(0xffffffff);
  const rest = n % 32;
  if (rest > 0) s[s.length - 1] = (1 << rest) - 1;
  return s;
}

/** |row r ∩ mask|. */
export function countAnd(b: BitRows, r: number, mask: Uint32Array): number {
  let c = 0;
  const o = r * b.words;
  for (let i = 0; i < b.words; i++) c += popcount((b.bits[o + i] ?? 0) & (mask[i] ?? 0));
  return c;
}

/** mask ← mask \ row r. */
export function clearRow(b: BitRows, r: number, mask: Uint32Array): void {
  const o = r * b.words;
  for (let i = 0; i < b.words; i++) mask[i] = (mask[i] ?? 0) & ~(b.bits[o + i] ?? 0);
}

export function hasBit(b: BitRows, r: number, e: number): boolean {
  return (((b.bits[r * b.words + (e >>> 5)] ?? 0) >>> (e & 31)) & 1) === 1;
}

export function setBit(b: BitRows, r: number, e: number): void {
  const i = r * b.words + (e >>> 5);
  b.bits[i] = (b.bits[i] ?? 0) | (1 << (e & 31));
}

export function isEmpty(mask: Uint32Array): boolean {
  for (let i = 0; i < mask.length; i++) if (mask[i] !== 0) return false;
  return true;
}

export function countBits(mask: Uint32Array): number {
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += popcount(mask[i] ?? 0);
  return c;
}
