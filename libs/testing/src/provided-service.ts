/** A real component started (or found) for a test run. */
export interface ProvidedService {
  /** How it was provided: `env` (DATABASE_URL / KAFKA_BROKERS), `testcontainers`, or a local real server. */
  readonly provider: string;
  stop(): Promise<void>;
}

export interface ProvidedPostgres extends ProvidedService {
  /** A superuser connection URL; each test file creates its own schema in this database. */
  readonly url: string;
}

export interface ProvidedKafka extends ProvidedService {
  /** Comma-separated bootstrap brokers; each test file uses its own topic prefix. */
  readonly brokers: string;
}
