import { Readable } from 'node:stream';
import { utf8Guard, type Utf8Failure } from './utf8-guard';

async function through(chunks: Buffer[]): Promise<{ text: string; failures: Utf8Failure[] }> {
  const failures: Utf8Failure[] = [];
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(utf8Guard((f) => failures.push(f))))
    out.push(chunk as Buffer);
  return { text: Buffer.concat(out).toString('utf8'), failures };
}

describe('utf8Guard', () => {
  it('passes UTF-8 through, a character split across chunks included', async () => {
    const bytes = Buffer.from('user_id,name\r\nu-1,Zoë 💥\n');
    const at = bytes.indexOf(0xf0) + 2;
    expect(await through([bytes.subarray(0, at), bytes.subarray(at)])).toEqual({
      text: 'user_id,name\r\nu-1,Zoë 💥\n',
      failures: [],
    });
  });

  it('ends before the first line that is not UTF-8 and names it (CRLF, LF and CR breaks)', async () => {
    const bad = Buffer.concat([
      Buffer.from('h\r\na\nb\rc'),
      Buffer.from([0xff]),
      Buffer.from('\nd\n'),
    ]);
    expect(await through([bad])).toEqual({ text: 'h\r\na\nb\r', failures: [{ line: 4 }] });
  });

  it('names a file that ends inside a character', async () => {
    expect(await through([Buffer.from([0x61, 0x0a, 0xe2, 0x82])])).toEqual({
      text: 'a\n',
      failures: [{ line: 2 }],
    });
  });
});
