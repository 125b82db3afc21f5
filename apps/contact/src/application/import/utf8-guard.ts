import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';

/** Where the file stopped being UTF-8: the physical line (1-based) that holds the first bad byte. */
export interface Utf8Failure {
  line: number;
}

/** Bytes at the end of `chunk` that start a multi-byte character the next chunk completes. */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * Passes a CSV's bytes through while they are UTF-8 (S18). Decoding other bytes would put U+FFFD
 * in their place, so two different `user_id`s could become one contact. At the first line that is
 * not UTF-8 the stream ends after the lines before it, the rest of the body is read and dropped,
 * and `onInvalid` names that line.
 */
export function utf8Guard(onInvalid: (failure: Utf8Failure) => void): Transform {
  let carry = Buffer.alloc(0);
  let line = 1;
  let lastWasCr = false;
  let failed = false;

  /** Counts line breaks (CRLF, LF, CR) in `bytes`, continuing across chunks. */
  const countLines = (bytes: Buffer) => {
    for (const byte of bytes) {
      if (byte === 0x0a) {
        if (!lastWasCr) line++;
        lastWasCr = false;
      } else if (byte === 0x0d) {
        line++;
        lastWasCr = true;
      } else lastWasCr = false;
    }
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (failed) return done();
      const bytes = Buffer.concat([carry, chunk]);
      const tail = incompleteTail(bytes);
      const whole = bytes.subarray(0, bytes.length - tail);
      carry = Buffer.from(bytes.subarray(bytes.length - tail));
      if (isUtf8(whole)) {
        countLines(whole);
        return done(null, whole);
      }
      // The chunk's lines one by one: a line break byte never sits inside a multi-byte character.
      let start = 0;
      for (let at = 0; at <= whole.length; at++) {
        const end = at === whole.length || whole[at] === 0x0a || whole[at] === 0x0d;
        if (!end) continue;
        if (!isUtf8(whole.subarray(start, at))) break;
        start = at + 1;
      }
      const good = whole.subarray(0, start);
      countLines(good);
      failed = true;
      onInvalid({ line });
      done(null, good);
      this.push(null);
    },
    flush(done: TransformCallback) {
      if (!failed && carry.length > 0) {
        failed = true;
        onInvalid({ line });
      }
      done();
    },
  });
}
