import type { IncomingMessage, ServerResponse } from 'node:http';
import { StoreError, apiVersionOf, type ClusterStore, type ListFilter, type ResourceInfo } from '../store/index.js';
import { failureStatus, statusFromError } from './kube-status.js';

export interface WatchSettings {
  readonly resourceVersion?: string;
  readonly allowBookmarks: boolean;
  readonly bookmarkIntervalMs: number;
  readonly timeoutMs: number;
}

/** The open watch streams, so that /sim/drop-watches and close() can end them. */
export class OpenWatches {
  private readonly closers = new Set<() => void>();

  add(close: () => void): () => void {
    this.closers.add(close);
    return () => this.closers.delete(close);
  }

  dropAll(): number {
    const closers = [...this.closers];
    closers.forEach((close) => close());
    return closers.length;
  }
}

const line = (type: string, objectJson: string): string => `{"type":"${type}","object":${objectJson}}\n`;

/**
 * A watch as the real API server streams it: chunked JSON lines of {type, object}; no or `0`
 * resourceVersion first sends the current state as ADDED; a compacted one gets an ERROR event (410).
 */
export const serveWatch = (
  store: ClusterStore,
  info: ResourceInfo,
  filter: ListFilter,
  settings: WatchSettings,
  exchange: { request: IncomingMessage; response: ServerResponse },
  openWatches: OpenWatches,
): void => {
  const { request, response } = exchange;
  response.writeHead(200, {
    'content-type': 'application/json',
    'transfer-encoding': 'chunked',
    'cache-control': 'no-cache',
  });
  response.flushHeaders();
  let since = settings.resourceVersion;
  if (!since || since === '0') {
    const current = store.listJson(info.resource, filter);
    for (const item of current.items) response.write(line('ADDED', item));
    since = current.resourceVersion;
  }
  let stopWatch: () => void;
  try {
    stopWatch = store.watch(info.resource, { ...filter, sinceResourceVersion: since }, (event) =>
      response.write(line(event.type, event.objectJson ?? JSON.stringify(event.object))),
    );
  } catch (error) {
    const status =
      error instanceof StoreError && error.reason === 'Gone'
        ? failureStatus('Expired', error.message)
        : statusFromError(error);
    response.end(line('ERROR', JSON.stringify(status)));
    return;
  }
  const bookmarkHead = `{"kind":${JSON.stringify(info.kind)},"apiVersion":${JSON.stringify(apiVersionOf(info))},"metadata":{"resourceVersion":`;
  const bookmarks = settings.allowBookmarks
    ? setInterval(
        () => response.write(line('BOOKMARK', `${bookmarkHead}${JSON.stringify(store.currentResourceVersion())}}}`)),
        settings.bookmarkIntervalMs,
      )
    : undefined;
  const timeout = setTimeout(() => finish(), settings.timeoutMs);
  const forget = openWatches.add(() => finish());
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    stopWatch();
    clearInterval(bookmarks);
    clearTimeout(timeout);
    forget();
    if (!response.writableEnded) response.end();
  };
  request.on('close', finish);
  response.on('close', finish);
};
