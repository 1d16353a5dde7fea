import { StoreError } from './cluster-store.port.js';

/** What a continue token carries: the list's resourceVersion and the last key returned. */
export interface ContinuePosition {
  readonly resourceVersion: number;
  readonly afterKey: string;
}

export const encodeContinueToken = (position: ContinuePosition): string =>
  Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: position.resourceVersion, start: position.afterKey })).toString(
    'base64url',
  );

export const decodeContinueToken = (token: string): ContinuePosition => {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { rv?: unknown; start?: unknown };
    if (typeof decoded.rv === 'number' && typeof decoded.start === 'string') {
      return { resourceVersion: decoded.rv, afterKey: decoded.start };
    }
  } catch {
    // Falls through to the same error as a well-formed token with the wrong shape.
  }
  throw new StoreError(
    'BadRequest',
    'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
  );
};
