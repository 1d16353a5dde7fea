import { Inject, Injectable } from '@nestjs/common';
import { HttpConventionException, HttpExceptionCode } from '#rollcall/http';
import {
  toChainVerificationView,
  type ChainVerificationView,
  type HistoryVerificationView,
} from './chain-verification.view.js';
import type { VerifyQuery } from './verify.query.js';
import { VerifyRepository } from './verify.repository.js';

/** Verifies stored chains against their recorded heads, one chain at a time and page by page to bound memory. */
@Injectable()
export class VerifyService {
  constructor(@Inject(VerifyRepository) private readonly chains: VerifyRepository) {}

  async verify(query: VerifyQuery): Promise<HistoryVerificationView> {
    const recorded = await this.chains.chains(query);
    if (query.chain !== undefined && recorded.length === 0 && query.from === undefined && query.to === undefined) {
      throw new HttpConventionException(HttpExceptionCode.ValidationFailed, `No chain "${query.chain}" was recorded.`, [
        { field: 'chain', reason: 'not a recorded chain' },
      ]);
    }
    const views: ChainVerificationView[] = [];
    for (const chain of recorded) {
      const { head, verification } = await this.chains.verify(chain);
      views.push(toChainVerificationView(chain, head, verification));
    }
    return { chains: views, ok: views.every((view) => view.ok) };
  }
}
