import { ProblemException, type ProblemSpec } from '#rollcall/http';

export enum AuditApiExceptionCode {
  NodeNotFound = 'node-not-found',
  DaemonSetNotFound = 'daemonset-not-found',
}

const SPECS: Readonly<Record<AuditApiExceptionCode, ProblemSpec>> = {
  [AuditApiExceptionCode.NodeNotFound]: { status: 404, title: 'No such node' },
  [AuditApiExceptionCode.DaemonSetNotFound]: { status: 404, title: 'No such DaemonSet' },
};

export class AuditApiException extends ProblemException<AuditApiExceptionCode> {
  constructor(code: AuditApiExceptionCode, detail: string) {
    super(code, SPECS[code], detail);
  }
}
