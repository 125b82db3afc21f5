/** The columns of the generated file: every known column and three typed custom attributes. */
export const BENCH_CSV_HEADER = 'user_id,email,name,phone,company,plan,seats:number,vip';

/** The `user_id` of generated row `i`. */
export function benchUserId(i: number): string {
  return `bench-user-${i}`;
}

/** One generated row, as the CSV line and as the fields a contact document gets. */
export function benchRow(i: number): string {
  return `${benchUserId(i)},user${i}@bench.example,Bench User ${i},+1555${String(i).padStart(7, '0')},Company ${i % 1000},plan-${i % 5},${i % 50},${i % 2 === 0}`;
}

/** The file in chunks of `rowsPerChunk` lines, generated as read: nothing of it is kept. */
export function* csvChunks(rows: number, rowsPerChunk = 1000): Generator<string> {
  yield `${BENCH_CSV_HEADER}\n`;
  for (let start = 0; start < rows; start += rowsPerChunk) {
    const end = Math.min(rows, start + rowsPerChunk);
    const lines: string[] = [];
    for (let i = start; i < end; i++) lines.push(benchRow(i));
    yield `${lines.join('\n')}\n`;
  }
}
