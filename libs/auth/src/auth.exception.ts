import { ProblemException, type ProblemSpec } from '#rollcall/http';

export enum AuthExceptionCode {
  MissingToken = 'missing-token',
  InvalidToken = 'invalid-token',
  Forbidden = 'forbidden',
  TokenNotFound = 'token-not-found',
  LastAdminToken = 'last-admin-token',
  InvalidBootstrapToken = 'invalid-bootstrap-token',
}

const SPECS: Readonly<Record<AuthExceptionCode, ProblemSpec>> = {
  [AuthExceptionCode.MissingToken]: { status: 401, title: 'A bearer token is required' },
  [AuthExceptionCode.InvalidToken]: { status: 401, title: 'The bearer token is unknown or revoked' },
  [AuthExceptionCode.Forbidden]: { status: 403, title: 'The token’s roles do not allow this' },
  [AuthExceptionCode.TokenNotFound]: { status: 404, title: 'No such token' },
  [AuthExceptionCode.LastAdminToken]: { status: 409, title: 'The last admin token cannot be revoked' },
  [AuthExceptionCode.InvalidBootstrapToken]: { status: 500, title: 'ROLLCALL_ADMIN_TOKEN is not valid' },
};

export class AuthException extends ProblemException<AuthExceptionCode> {
  constructor(code: AuthExceptionCode, detail: string) {
    super(code, SPECS[code], detail);
  }
}
