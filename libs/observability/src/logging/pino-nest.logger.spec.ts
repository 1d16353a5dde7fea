import { Writable } from 'node:stream';
import { pino } from 'pino';
import { PinoNestLogger } from './pino-nest.logger.js';

function capture(): { logger: PinoNestLogger; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      done();
    },
  });
  const logger = new PinoNestLogger(pino({ level: 'trace', base: undefined, timestamp: false }, sink));
  return { logger, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('PinoNestLogger', () => {
  it('writes Nest messages as JSON with the context Nest passes last', () => {
    const { logger, lines } = capture();

    logger.log('Mapped {/healthz, GET} route', 'RouterExplorer');
    logger.verbose('details', 'InstanceLoader');

    expect(lines()).toEqual([
      { level: 30, context: 'RouterExplorer', msg: 'Mapped {/healthz, GET} route' },
      { level: 10, context: 'InstanceLoader', msg: 'details' },
    ]);
  });

  it('keeps the stack trace Nest passes with an error', () => {
    const { logger, lines } = capture();

    logger.error('boom', 'Error: boom\n    at x', 'ExceptionHandler');

    expect(lines()).toEqual([{ level: 50, context: 'ExceptionHandler', stack: 'Error: boom\n    at x', msg: 'boom' }]);
  });

  it('serialises an Error given as the message', () => {
    const { logger, lines } = capture();

    logger.warn(new Error('pool exhausted'));

    expect(lines()[0]).toMatchObject({ level: 40, msg: 'pool exhausted', err: { message: 'pool exhausted' } });
  });
});
