import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Matcher = (method: string, path: string) => boolean;

/**
 * An HTTP hop between the orchestrator and the kube simulator that can hold matching requests
 * (as a slow API server would) until released; everything else passes through untouched, watches included.
 */
export class KubeApiGate {
  private held: Matcher | null = null;
  private readonly waiting: (() => void)[] = [];
  private readonly heldSeen: string[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(target: string): Promise<KubeApiGate> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const gate = new KubeApiGate(server, `http://127.0.0.1:${port}`);
    server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) =>
      gate.pass(target, incoming, outgoing),
    );
    return gate;
  }

  hold(matches: Matcher): void {
    this.held = matches;
  }

  /** The requests held so far, as "METHOD path". */
  heldRequests(): readonly string[] {
    return this.heldSeen;
  }

  release(): void {
    this.held = null;
    this.waiting.splice(0).forEach((go) => go());
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pass(target: string, incoming: IncomingMessage, outgoing: ServerResponse): void {
    const method = incoming.method ?? 'GET';
    const path = incoming.url ?? '/';
    const forward = () => {
      const upstream = request(new URL(path, target), { method, headers: incoming.headers }, (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      });
      upstream.on('error', () => outgoing.destroy());
      outgoing.on('close', () => upstream.destroy());
      incoming.pipe(upstream);
    };
    if (this.held?.(method, path) === true) {
      this.heldSeen.push(`${method} ${path}`);
      this.waiting.push(forward);
    } else forward();
  }
}
