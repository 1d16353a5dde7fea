import { parseDuration, parseKubeSimArgs } from './kube-sim.args.js';

describe('kube-sim arguments', () => {
  it('has defaults for a local demo', () => {
    expect(parseKubeSimArgs([])).toEqual({
      port: 18443,
      host: '127.0.0.1',
      nodes: 50,
      kubeconfig: './sim.kubeconfig',
      seed: false,
      readyDelayMs: 2000,
      help: false,
    });
  });

  it('reads every flag', () => {
    const args = parseKubeSimArgs([
      '--port',
      '0',
      '--nodes',
      '5000',
      '--kubeconfig',
      '/tmp/k',
      '--seed',
      '--ready-delay',
      '250ms',
    ]);
    expect(args).toMatchObject({ port: 0, nodes: 5000, kubeconfig: '/tmp/k', seed: true, readyDelayMs: 250 });
  });

  it('parses durations in seconds, milliseconds and plain numbers', () => {
    expect(parseDuration('ready-delay', '2s')).toBe(2000);
    expect(parseDuration('ready-delay', '1.5s')).toBe(1500);
    expect(parseDuration('ready-delay', '2000')).toBe(2000);
    expect(() => parseDuration('ready-delay', 'soon')).toThrow('--ready-delay must be a duration');
  });

  it('explains bad flags', () => {
    expect(() => parseKubeSimArgs(['--nodes', 'many'])).toThrow(
      '--nodes must be an integer from 0 to 10000, got "many"',
    );
    expect(() => parseKubeSimArgs(['--port', '70000'])).toThrow('--port must be an integer');
    expect(() => parseKubeSimArgs(['--bogus'])).toThrow(/Unknown option '--bogus'/);
    expect(() => parseKubeSimArgs(['--ready-delay', '-1s'])).toThrow(/ready-delay/);
  });
});
