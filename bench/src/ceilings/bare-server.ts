// The ceiling for HTTP paths: a bare Fastify server doing one database operation per request, nothing else.
// Run as a child process like a service (MONGO_URL, PORT, MONGO_POOL_SIZE), so it pays the same process and network costs.
import Fastify from 'fastify';
import { MongoClient } from 'mongodb';

const port = Number(process.env.PORT ?? 4309);
const mongoUrl = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/';
const client = await MongoClient.connect(mongoUrl, {
  maxPoolSize: Number(process.env.MONGO_POOL_SIZE ?? 10),
});

const app = Fastify({ logger: false, bodyLimit: 1_048_576 });

app.get('/readyz', async () => {
  await client.db('admin').command({ ping: 1 });
  return { ok: true };
});

interface ClaimParams {
  db: string;
  id: string;
}

// One `$lt`-guarded `$inc` on one document: the least a capacity check can cost.
app.post<{ Params: ClaimParams; Querystring: { cap?: string } }>(
  '/claim/:db/:id',
  async (request, reply) => {
    const cap = Number(request.query.cap ?? 100);
    const res = await client
      .db(request.params.db)
      .collection<{ _id: string; n: number }>('counters')
      .updateOne({ _id: request.params.id, n: { $lt: cap } }, { $inc: { n: 1 } });
    return reply.code(201).send({ claimed: res.modifiedCount === 1 });
  },
);

interface FindParams {
  db: string;
  coll: string;
}

// One find on a collection, the documents returned as they are: the least a list can cost.
app.get<{ Params: FindParams; Querystring: { limit?: string; field?: string; value?: string } }>(
  '/find/:db/:coll',
  async (request) => {
    const { limit, field, value } = request.query;
    const filter = field !== undefined && value !== undefined ? { [field]: value } : {};
    const items = await client
      .db(request.params.db)
      .collection(request.params.coll)
      .find(filter, { limit: Number(limit ?? 0) })
      .toArray();
    return { items };
  },
);

const close = async () => {
  await app.close();
  await client.close();
  process.exit(0);
};
process.on('SIGTERM', () => void close());
process.on('SIGINT', () => void close());
await app.listen({ port, host: '127.0.0.1' });
