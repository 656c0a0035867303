// `pnpm insights rebuild`: drops the insights facts and replays the four topics with a fresh consumer group (ADR 026).
import { connectDb } from '@lianxin/platform/db';
import { createLogger } from '@lianxin/platform/log';
import { createKafka } from '@lianxin/platform/messaging';
import { loadInsightsConfig } from '../services/insights/src/config.ts';
import { rebuildFacts } from '../services/insights/src/facts/rebuild-facts.ts';
import { FactRepository } from '../services/insights/src/facts/fact.repository.ts';
import { TOPICS } from '../services/insights/src/shared/messaging.ts';
import { createModels } from '../services/insights/src/shared/models.ts';

const [command] = process.argv.slice(2);
if (command !== 'rebuild') {
  process.stderr.write(
    'usage: pnpm insights rebuild\n' +
      '  drops the insights views and replays lianxin.{banks,sessions,registrations,bulletins}.v1\n' +
      '  (reads MONGO_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, FACTS_CONSUMER_GROUP like the service)\n',
  );
  process.exit(2);
}

const config = loadInsightsConfig(process.env);
const log = createLogger({ name: 'insights-rebuild', level: config.LOG_LEVEL, ci: config.CI });
const db = await connectDb({ url: config.MONGO_URL });
const kafka = createKafka({
  brokers: config.KAFKA_BROKERS,
  clientId: `${config.KAFKA_CLIENT_ID}-rebuild`,
  log,
});
try {
  const result = await rebuildFacts({
    kafka,
    conn: db,
    topics: TOPICS.map((t) => `${config.KAFKA_TOPIC_PREFIX}${t}`),
    baseGroup: `${config.KAFKA_TOPIC_PREFIX}${config.FACTS_CONSUMER_GROUP}`,
    facts: new FactRepository(createModels(db)),
    log,
  });
  process.stdout.write(
    `rebuilt from the topics in ${String(result.ms)} ms (replay group ${result.group})\n`,
  );
} finally {
  await db.close();
}
