import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { inTransaction, PG_POOL } from '#rollcall/postgres';
import type pg from 'pg';
import { ACTION_RECORDER, type ActionRecorder } from '../actions/action-recorder.port.js';
import { SYSTEM_TOKEN_ID } from '../requesting-actor.js';
import { ApiTokenRepository } from './api-token.repository.js';
import { generateTokenSecret, hashTokenSecret, looksLikeToken } from './token-secret.js';

export interface AdminTokenOptions {
  /** ROLLCALL_ADMIN_TOKEN: the first admin token, stored hashed; absent means generate one if no admin exists. */
  readonly adminToken?: string;
  /** Shows a generated token to the person starting the service; stdout by default. */
  readonly announce: (message: string) => void;
}

export const ADMIN_TOKEN_OPTIONS = Symbol('AdminTokenOptions');

const BOOTSTRAP_ACTOR = { tokenId: SYSTEM_TOKEN_ID, name: 'rollcall bootstrap' };

/** Makes sure an admin can reach the API on first start, without ever storing a token in clear. */
@Injectable()
export class AdminTokenBootstrap implements OnApplicationBootstrap {
  constructor(
    @Inject(ADMIN_TOKEN_OPTIONS) private readonly options: AdminTokenOptions,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(ApiTokenRepository) private readonly tokens: ApiTokenRepository,
    @Inject(ACTION_RECORDER) private readonly recorder: ActionRecorder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminToken } = this.options;
    if (adminToken !== undefined && !looksLikeToken(adminToken)) {
      throw new Error(
        'ROLLCALL_ADMIN_TOKEN must be "rc_" followed by at least 32 base64url characters, e.g. rc_$(openssl rand -base64 32 | tr "+/" "-_" | tr -d =).',
      );
    }
    const generated = await inTransaction(this.pool, async (client) => {
      // Replicas starting together must not each mint an admin token.
      await client.query(`select pg_advisory_xact_lock(hashtext('rollcall.admin-token-bootstrap'))`);
      if (adminToken !== undefined) {
        if (!(await this.tokens.existsByHash(hashTokenSecret(adminToken), client))) {
          await this.insertAdmin('admin (ROLLCALL_ADMIN_TOKEN)', adminToken, client);
        }
        return undefined;
      }
      if ((await this.tokens.lockActiveAdminIds(client)).length > 0) return undefined;
      const secret = generateTokenSecret();
      await this.insertAdmin('admin (generated on first start)', secret, client);
      return secret;
    });
    if (generated !== undefined) {
      this.options.announce(
        `No admin API token existed, so Rollcall created one. It is shown only this once; store it now:\n\n  ${generated}\n`,
      );
    }
  }

  private async insertAdmin(name: string, secret: string, client: pg.PoolClient): Promise<void> {
    const row = await this.tokens.insert(
      { name, roles: ['admin'], tokenHash: hashTokenSecret(secret), createdBy: BOOTSTRAP_ACTOR.tokenId },
      client,
    );
    await this.recorder.record(
      { actor: BOOTSTRAP_ACTOR, action: 'token.created', subject: row.id, details: { name, roles: row.roles } },
      client,
    );
  }
}
