// Deep imports of client-node here: its root loads every generated API client, which the watcher
// avoids (see apps/watcher/src/trim-kube-client-loading.ts).
import { ApiException } from '@kubernetes/client-node/dist/gen/apis/exception.js';

/** The HTTP status of a failed list or watch request, when the failure carries one. */
export const httpStatusOf = (error: unknown): number | null => {
  if (error instanceof ApiException) return error.code;
  if (typeof error === 'object' && error !== null) {
    const status = (error as { statusCode?: unknown; code?: unknown }).statusCode ?? (error as { code?: unknown }).code;
    // Other errors carry numeric codes too (an aborted fetch has DOMException code 20 or 23).
    if (typeof status === 'number' && status >= 100 && status <= 599) return status;
  }
  return null;
};

/** The resourceVersion (or continue token) is older than the server keeps: relist. */
export const isGone = (error: unknown): boolean => httpStatusOf(error) === 410;

/** A watch ERROR event carries a metav1.Status object. */
export const statusCodeOfWatchError = (object: unknown): number | null => {
  const code = (object as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : null;
};
