import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../store/index.js';
import { apiError, type KubeStatus } from './kube-status.js';

const MAX_BODY_BYTES = 8 * 1024 * 1024;

export const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw apiError('BadRequest', 'request entity too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

export const parseJsonObject = (body: string, what: string): KubeObject => {
  let parsed: unknown;
  try {
    // Like the API server's decoder, a lone surrogate becomes U+FFFD instead of failing later code.
    parsed = JSON.parse(body, (_key, value: unknown) => (typeof value === 'string' ? value.toWellFormed() : value));
  } catch {
    throw apiError('BadRequest', `the body of the request is not valid JSON (${what})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw apiError('BadRequest', `the body of the request must be a JSON object (${what})`);
  }
  const object = parsed as KubeObject;
  object.metadata ??= {};
  return object;
};

/** Writes a JSON text that is already serialised (list pages are assembled from stored JSON). */
export const sendJsonText = (response: ServerResponse, code: number, json: string): void => {
  response.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  response.end(json);
};

export const sendJson = (response: ServerResponse, code: number, body: unknown): void =>
  sendJsonText(response, code, JSON.stringify(body));

export const sendStatus = (response: ServerResponse, status: KubeStatus): void =>
  sendJson(response, status.code, status);
