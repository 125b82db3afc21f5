import { limitedStream, StreamTooLarge } from './csv-stream';

async function* chunks(...parts: string[]) {
  for (const part of parts) yield Buffer.from(part);
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<string> {
  let text = '';
  for await (const chunk of source) text += Buffer.from(chunk).toString('utf8');
  return text;
}

describe('limited stream', () => {
  it('passes chunks through up to and including the limit', async () => {
    await expect(collect(limitedStream(chunks('a,b\n', '1,2\n'), 8))).resolves.toBe('a,b\n1,2\n');
  });

  it('fails as soon as the limit is passed, after passing what fit', async () => {
    const seen: string[] = [];
    const run = async () => {
      for await (const chunk of limitedStream(chunks('1234', '5678', '9'), 8)) {
        seen.push(Buffer.from(chunk).toString('utf8'));
      }
    };
    await expect(run()).rejects.toBeInstanceOf(StreamTooLarge);
    expect(seen).toEqual(['1234', '5678']);
  });
});
