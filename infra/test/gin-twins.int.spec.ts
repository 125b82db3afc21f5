import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { postgres } from '../src';

/**
 * FerretDB on PostgreSQL (the store the tests run on): a filter on an indexed top-level field,
 * `_id` included, must reach PostgreSQL as an index scan through the GIN twin, not a seq scan.
 */
const onPostgres = (process.env.INFRA_STORE ?? 'postgresql') === 'postgresql';
const describeOnPostgres = onPostgres ? describe : describe.skip;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function indexesUsed(node: PlanNode): string[] {
  return [
    ...(node['Index Name'] ? [node['Index Name']] : []),
    ...(node.Plans ?? []).flatMap(indexesUsed),
  ];
}

describeOnPostgres('GIN twins of FerretDB indexes', () => {
  const client = new MongoClient(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/');
  const db = client.db(`gin_twins_${randomUUID().slice(0, 8)}`);

  beforeAll(async () => {
    await client.connect();
    const commits = db.collection<{ streamId: string; lastVersion: number }>('commits');
    await commits.createIndex({ streamId: 1, lastVersion: -1 });
    await commits.insertMany(
      Array.from({ length: 3_000 }, (_, i) => ({ streamId: `s${i % 300}`, lastVersion: i })),
    );
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  async function planOf(filter: object): Promise<PlanNode> {
    const explained = await db.collection('commits').find(filter).explain();
    return (explained.queryPlanner as { Plan: PlanNode }).Plan;
  }

  it('given an index made with createIndex, when filtering on its first field, then the GIN twin serves it', async () => {
    const plan = await planOf({ streamId: 's7' });
    expect(plan['Node Type']).not.toBe('Seq Scan');
    expect(indexesUsed(plan).some((name) => name.endsWith('_gin'))).toBe(true);
  });

  it('given the _id index every collection has, when looking a document up by _id, then it is an index scan', async () => {
    const one = await db.collection('commits').findOne({ streamId: 's9' });
    const plan = await planOf({ _id: one!._id });
    expect(indexesUsed(plan).some((name) => name.endsWith('_gin'))).toBe(true);
  });

  it('given the twins, when querying, then answers are the same documents as without an index', async () => {
    const found = await db.collection('commits').find({ streamId: 's7' }).toArray();
    expect(found.map((d) => d.lastVersion).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, i) => 7 + 300 * i),
    );
  });

  it('given a few rows holding big documents, when filtering on an indexed field, then the twin serves it, not a scan', async () => {
    // An event store's shape: few heap pages (the planner's measure), each document in TOAST.
    const big = db.collection('big');
    await big.createIndex({ published: 1 });
    const body = 'x'.repeat(300_000);
    await big.insertMany(Array.from({ length: 20 }, (_, i) => ({ published: i === 7, body })));
    // As autovacuum would: the planner's statistics, which is where it misjudges the scan.
    const table = await postgres.query(
      `select format('%I.%I', schemaname, relname) from pg_stat_user_tables where schemaname = '${db.databaseName}' and relname like 'big%'`,
    );
    await postgres.query(`analyze ${table}`);
    const plan = (
      (await big.find({ published: true }).explain()).queryPlanner as { Plan: PlanNode }
    ).Plan;
    expect(plan['Node Type']).not.toBe('Seq Scan');
    expect(indexesUsed(plan).some((name) => name.endsWith('_gin'))).toBe(true);
  });

  it('given an index dropped through FerretDB, when it goes, then its twin goes too', async () => {
    const tags = db.collection('tags');
    await tags.insertMany(Array.from({ length: 2_000 }, (_, i) => ({ tag: `t${i}` })));
    await tags.createIndex({ tag: 1 });
    const planOfTag = async () =>
      ((await tags.find({ tag: 't42' }).explain()).queryPlanner as { Plan: PlanNode }).Plan;
    expect(indexesUsed(await planOfTag()).some((name) => name.endsWith('_gin'))).toBe(true);
    await tags.dropIndex('tag_1');
    expect(indexesUsed(await planOfTag())).toEqual([]);
  });
});
