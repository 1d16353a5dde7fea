import type { ProvidedService } from '#rollcall/testing';

const running = globalThis as typeof globalThis & { rollcallProvided?: ProvidedService[] };

export default async function stopIntegrationInfrastructure(): Promise<void> {
  await Promise.all((running.rollcallProvided ?? []).map((service) => service.stop()));
}
