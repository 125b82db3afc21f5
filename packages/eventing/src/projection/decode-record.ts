import type { EventEnvelope } from '@threadline/contracts';
import type { KafkaRecord } from '@threadline/kafka-client';
import type { EventDecodeResult, EventDecoder } from '../upcasting';

/** JSON, then envelope, upcast and payload: every way a record can fail has a reason. */
export function decodeRecord<E extends EventEnvelope>(
  record: Pick<KafkaRecord, 'value'>,
  decoder: EventDecoder<E>,
): EventDecodeResult<E> {
  if (record.value === null || record.value.length === 0) {
    return { ok: false, kind: 'invalid', reason: 'record has no value' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(record.value.toString('utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: 'invalid', reason: `value is not JSON: ${detail}` };
  }
  return decoder.decode(raw);
}
