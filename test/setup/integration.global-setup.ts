import { startKafkaForTests, startPostgresForTests, type ProvidedService } from '#rollcall/testing';

// Jest hands the same global object to globalSetup and globalTeardown, not to test files:
// test files learn the endpoints from the environment variables set here.
const running = globalThis as typeof globalThis & { rollcallProvided?: ProvidedService[] };

export default async function startIntegrationInfrastructure(): Promise<void> {
  const [postgres, kafka] = await Promise.all([startPostgresForTests(), startKafkaForTests()]);
  running.rollcallProvided = [postgres, kafka];
  process.env.DATABASE_URL = postgres.url;
  process.env.KAFKA_BROKERS = kafka.brokers;
  console.log(`\n[integration] PostgreSQL: ${postgres.provider} (${postgres.url.replace(/:[^:@/]*@/, ':***@')})`);
  console.log(`[integration] Kafka: ${kafka.provider} (${kafka.brokers})`);
}
