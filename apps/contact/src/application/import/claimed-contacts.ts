import { ContactIdPattern } from '@threadline/contracts';

const WORDS_PER_KEY = 4;
const MIN_SLOTS = 1024;
const MAX_LOAD = 0.75;
const DIGEST_OFFSET = 'usr_'.length;
/** Four base64url characters decode to three bytes: 24 characters give the 16 bytes kept, and 2. */
const DIGEST_CHARS_READ = 24;

/**
 * The contacts one import has named so far, so a contact appears once per file (S10). Held in
 * memory, since the store would cost a write a row: each id is kept as 128 bits of its SHA-256
 * digest in an open-addressing table over typed arrays, 16 bytes and a bit a slot, at most 3/4
 * full (a million contacts in 32 MiB, where a `Set` of the id strings takes about 100). The id's
 * prefix is part of what the digest hashes (`contactIdOf`), so those bits alone tell ids apart.
 */
export class ClaimedContacts {
  private keys: Uint32Array;
  /** One bit a slot: an all-zero digest is a key like any other, so emptiness is kept apart. */
  private used: Uint32Array;
  private mask: number;
  private count = 0;
  private readonly key = new Uint32Array(WORDS_PER_KEY);

  constructor(initialSlots = MIN_SLOTS) {
    let slots = MIN_SLOTS;
    while (slots < initialSlots) slots *= 2;
    this.keys = new Uint32Array(slots * WORDS_PER_KEY);
    this.used = new Uint32Array(Math.ceil(slots / 32));
    this.mask = slots - 1;
  }

  /** How many distinct contacts were claimed. */
  get size(): number {
    return this.count;
  }

  /** The memory the table holds, in bytes. */
  get byteLength(): number {
    return this.keys.byteLength + this.used.byteLength;
  }

  /** True the first time a contact is named, false ever after. Throws on what is not a contact id. */
  claim(contactId: string): boolean {
    this.keyOf(contactId);
    if (this.count + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    if (!this.place(this.keys, this.used, this.mask, this.key, 0)) return false;
    this.count++;
    return true;
  }

  private keyOf(contactId: string): void {
    if (!ContactIdPattern.test(contactId)) {
      throw new Error(`not a contact id: ${JSON.stringify(contactId.slice(0, 64))}`);
    }
    const digest = Buffer.from(
      contactId.slice(DIGEST_OFFSET, DIGEST_OFFSET + DIGEST_CHARS_READ),
      'base64url',
    );
    for (let word = 0; word < WORDS_PER_KEY; word++) this.key[word] = digest.readUInt32LE(word * 4);
  }

  /**
   * Puts `source[from..from+4)` in the table by linear probing from the slot its first word names
   * (digest bits, already uniform); false when it is there already.
   */
  private place(
    keys: Uint32Array,
    used: Uint32Array,
    mask: number,
    source: Uint32Array,
    from: number,
  ): boolean {
    const k0 = source[from] as number;
    const k1 = source[from + 1] as number;
    const k2 = source[from + 2] as number;
    const k3 = source[from + 3] as number;
    for (let slot = k0 & mask; ; slot = (slot + 1) & mask) {
      const at = slot * WORDS_PER_KEY;
      if (((used[slot >>> 5] as number) & (1 << (slot & 31))) === 0) {
        keys[at] = k0;
        keys[at + 1] = k1;
        keys[at + 2] = k2;
        keys[at + 3] = k3;
        used[slot >>> 5] = (used[slot >>> 5] as number) | (1 << (slot & 31));
        return true;
      }
      if (keys[at] === k0 && keys[at + 1] === k1 && keys[at + 2] === k2 && keys[at + 3] === k3) {
        return false;
      }
    }
  }

  private grow(): void {
    const slots = (this.mask + 1) * 2;
    const keys = new Uint32Array(slots * WORDS_PER_KEY);
    const used = new Uint32Array(Math.ceil(slots / 32));
    const mask = slots - 1;
    for (let slot = 0; slot <= this.mask; slot++) {
      if (((this.used[slot >>> 5] as number) & (1 << (slot & 31))) !== 0) {
        this.place(keys, used, mask, this.keys, slot * WORDS_PER_KEY);
      }
    }
    this.keys = keys;
    this.used = used;
    this.mask = mask;
  }
}
