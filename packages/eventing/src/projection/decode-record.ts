import type { EventEnvelope } from '@threadline/contracts';
import type { KafkaRecord } from '@threadline/kafka-client';
import type { EventDecodeResult, EventDecoder } from '../upcasting';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const unpairedSurrogate = /\p{Cs}/u;
const unstorable = (text: string) => text.includes('\u0000') || unpairedSurrogate.test(text);
/**
 * NUL and surrogates reach a parsed value only through JSON escapes: JSON refuses a raw control
 * character and strict UTF-8 cannot encode a surrogate. A text without such an escape skips the
 * walk, which allocates a path per key (4% of the contact service's CPU in a 100,000-row import).
 */
const nulOrSurrogateEscape = /\\u(?:0000|[dD][89a-fA-F])/;

/**
 * The path of the first string or key a store cannot keep as it is: NUL (PostgreSQL refuses it)
 * or an unpaired surrogate (BSON turns it into U+FFFD, so two values would become one).
 */
function unstorableText(value: unknown): string | undefined {
  const pending: [unknown, string][] = [[value, '']];
  // Iterative: a payload may be nested thousands of levels deep.
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (unstorable(current)) return path || '(value)';
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        const at = path ? `${path}.${key}` : key;
        if (unstorable(key)) return at;
        pending.push([child, at]);
      }
    }
  }
  return undefined;
}

/** UTF-8, JSON, storable text, then envelope, upcast and payload: every failure has a reason. */
export function decodeRecord<E extends EventEnvelope>(
  record: Pick<KafkaRecord, 'value'>,
  decoder: EventDecoder<E>,
): EventDecodeResult<E> {
  if (record.value === null || record.value.length === 0) {
    return { ok: false, kind: 'invalid', reason: 'record has no value' };
  }
  let text: string;
  try {
    // Decoding with U+FFFD would turn different byte strings into one event.
    text = utf8.decode(record.value);
  } catch {
    return { ok: false, kind: 'invalid', reason: 'value is not valid UTF-8' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: 'invalid', reason: `value is not JSON: ${detail}` };
  }
  const at = nulOrSurrogateEscape.test(text) ? unstorableText(raw) : undefined;
  if (at !== undefined) {
    return {
      ok: false,
      kind: 'invalid',
      reason: `${at}: holds NUL or an unpaired surrogate, which no store keeps as it is`,
    };
  }
  return decoder.decode(raw);
}
