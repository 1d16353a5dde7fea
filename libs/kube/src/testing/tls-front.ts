import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface TlsFront {
  /** https://127.0.0.1:<port> */
  readonly url: string;
  /** The PEM certificate the front presents (self-signed: it is its own CA). */
  readonly caPem: string;
  /** The Authorization header of every request, in order. */
  readonly authorizations: readonly (string | undefined)[];
  close(): Promise<void>;
}

/** A throwaway certificate for 127.0.0.1 and localhost, made with the openssl CLI in `directory`. */
async function selfSignedCertificate(directory: string): Promise<{ key: string; cert: string }> {
  const keyFile = join(directory, 'tls.key');
  const certFile = join(directory, 'tls.crt');
  // prettier-ignore
  await promisify(execFile)('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=rollcall-test-apiserver',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8') };
}

/**
 * An HTTPS front for a plain-HTTP API server (the simulator), as a real API server is reached: TLS
 * verified against a CA, a bearer token on every request. Records the Authorization headers it saw.
 */
export async function startTlsFront(backendUrl: string, directory: string): Promise<TlsFront> {
  const { key, cert } = await selfSignedCertificate(directory);
  const backend = new URL(backendUrl);
  const authorizations: (string | undefined)[] = [];
  const server: Server = createServer({ key, cert }, (incoming, outgoing) => {
    authorizations.push(incoming.headers.authorization);
    const forwarded = httpRequest(
      {
        host: backend.hostname,
        port: backend.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    caPem: cert,
    authorizations,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
