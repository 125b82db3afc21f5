import type { StoredEvent } from './service-process';

/** Too short a value would match by chance; every secret the tests make is longer. */
const MIN_SECRET_LENGTH = 12;

export interface Leak {
  kind: string;
  /** The first characters only: a report must not spread the secret it found. */
  prefix: string;
  occurrences: number;
}

/**
 * Every secret and hash a test saw, by kind, and a scan of text for them. A compact token
 * (`a.b.c`) is also recorded by its signature, so a log holding only that part still counts.
 */
export class SecretLedger {
  private readonly secrets = new Map<string, string>();

  add(kind: string, value: unknown): void {
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return;
    this.secrets.set(value, kind);
    const parts = value.split('.');
    const signature = parts[parts.length - 1];
    if (parts.length === 3 && signature && signature.length >= MIN_SECRET_LENGTH) {
      this.secrets.set(signature, `${kind} (signature)`);
    }
  }

  /** Stored hashes and secrets: every payload field named like one (keyedHash, passwordHash…). */
  addStoredHashes(events: StoredEvent[]): void {
    for (const event of events) {
      for (const [field, value] of Object.entries(event.payload)) {
        if (/hash|secret|password/i.test(field)) this.add(`stored ${field}`, value);
      }
    }
  }

  get size(): number {
    return this.secrets.size;
  }

  kinds(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const kind of this.secrets.values()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    return counts;
  }

  scan(text: string): Leak[] {
    const leaks: Leak[] = [];
    for (const [secret, kind] of this.secrets) {
      let occurrences = 0;
      for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1))
        occurrences++;
      if (occurrences > 0) leaks.push({ kind, prefix: `${secret.slice(0, 4)}…`, occurrences });
    }
    return leaks;
  }
}
