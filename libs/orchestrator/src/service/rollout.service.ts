import { randomUUID } from 'node:crypto';
import {
  planStages,
  specProblemsAgainst,
  validateRolloutSpec,
  type Actor,
  type ClusterSnapshot,
  type RolloutPlan,
  type RolloutSpec,
} from '#rollcall/domain';
import { IdempotencyKeyTaken, RolloutError } from '../rollout.errors.js';
import type { RolloutDriver } from '../runtime/rollout.driver.js';
import type { RolloutEventStore } from '../store/rollout-event.store.js';
import type { ClusterSnapshotReader } from './cluster-snapshot.reader.js';
import { toSagaCommand, type RolloutCommandRequest } from './rollout-command.request.js';
import { decodeCursor, encodeCursor } from './rollout-cursor.js';
import { decodeEventCursor, encodeEventCursor } from './rollout-event-cursor.js';
import { timelineEntryOf } from './rollout-event.summary.js';
import type { TimelinePage } from './rollout-timeline.view.js';
import type { RolloutFilters, RolloutReadModel } from './rollout.read-model.js';
import { rolloutView, type RolloutSummary, type RolloutView } from './rollout.view.js';

/** Keeps a 5,000-node rollout's detail small; the rest is paged through `events`. */
export const TIMELINE_LIMIT = 500;

export interface RolloutPage {
  readonly items: readonly RolloutSummary[];
  readonly nextCursor: string | null;
}

/** The application service behind the REST and ChatOps rollout endpoints. */
export class RolloutService {
  constructor(
    private readonly driver: RolloutDriver,
    private readonly store: RolloutEventStore,
    private readonly readModel: RolloutReadModel,
    private readonly cluster: ClusterSnapshotReader,
  ) {}

  /** The dry run: which node lands in which stage and batch, and what the PDBs allow now. */
  async plan(request: unknown): Promise<RolloutPlan> {
    const spec = this.validated(request);
    return planStages(spec, await this.snapshot(spec));
  }

  async start(request: unknown, actor: Actor, idempotencyKey?: string): Promise<RolloutView> {
    const spec = this.validated(request);
    if (idempotencyKey !== undefined) {
      const existing = await this.store.findByIdempotencyKey(actor, idempotencyKey);
      if (existing !== null) return this.get(existing);
    }
    const cluster = await this.snapshot(spec);
    const rolloutId = randomUUID();
    const now = this.driver.now();
    try {
      const outcome = await this.driver.handle(
        rolloutId,
        { type: 'StartRollout', rolloutId, actor, now, spec, cluster },
        idempotencyKey === undefined ? {} : { idempotencyKey },
      );
      if (outcome.kind === 'rejected') throw RolloutError.rejected(outcome.reason, outcome.message);
    } catch (error) {
      if (!(error instanceof IdempotencyKeyTaken) || idempotencyKey === undefined) throw error;
      const existing = await this.store.findByIdempotencyKey(actor, idempotencyKey);
      if (existing === null) throw error;
      return this.get(existing);
    }
    return this.get(rolloutId);
  }

  async get(id: string): Promise<RolloutView> {
    const summary = await this.readModel.summary(id);
    if (summary === null) throw RolloutError.notFound(id);
    const { state, version } = await this.driver.load(id);
    if (state === null) throw RolloutError.notFound(id);
    const events = this.readModel.events;
    const [decisions, latest] = await Promise.all([events.decisions(id), events.latest(id, TIMELINE_LIMIT)]);
    const podNames = await events.podNames(id, latest);
    return rolloutView(summary, state, version, { decisions, latest, podNames });
  }

  /** The rollout's whole timeline, oldest first, in pages that neither skip nor repeat an event. */
  async events(id: string, cursor?: string, limit = 100): Promise<TimelinePage> {
    const afterVersion = cursor === undefined ? 0 : decodeEventCursor(cursor);
    const stageNames = await this.readModel.stageNames(id);
    if (stageNames === null) throw RolloutError.notFound(id);
    const pageSize = Math.max(1, Math.min(limit, 1000));
    const events = this.readModel.events;
    const rows = await events.after(id, afterVersion, pageSize + 1);
    const page = rows.slice(0, pageSize);
    const podNames = await events.podNames(id, page);
    const last = page.at(-1);
    return {
      items: page.map((stored) => timelineEntryOf(stored, { stageNames, podNames })),
      nextCursor: rows.length > pageSize && last ? encodeEventCursor(last.version) : null,
    };
  }

  async list(filters: RolloutFilters = {}, cursor?: string, limit = 50): Promise<RolloutPage> {
    const pageSize = Math.max(1, Math.min(limit, 500));
    const items = await this.readModel.list(filters, cursor === undefined ? null : decodeCursor(cursor), pageSize + 1);
    const page = items.slice(0, pageSize);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor: items.length > pageSize && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }

  /** Applies approve, reject, pause, resume, abort or rollback; a refusal carries the saga's named reason. */
  async command(id: string, request: RolloutCommandRequest): Promise<RolloutView> {
    if ((await this.readModel.summary(id)) === null) throw RolloutError.notFound(id);
    const outcome = await this.driver.handle(id, toSagaCommand(request, this.driver.now()));
    if (outcome.kind === 'rejected') throw RolloutError.rejected(outcome.reason, outcome.message);
    return this.get(id);
  }

  private validated(request: unknown): RolloutSpec {
    const validation = validateRolloutSpec(request);
    if (!validation.ok) throw RolloutError.invalidSpec(validation.problems);
    return validation.spec;
  }

  /** The cluster as the spec finds it; a spec the DaemonSet cannot take (an unknown container) is invalid. */
  private async snapshot(spec: RolloutSpec): Promise<ClusterSnapshot> {
    const snapshot = await this.cluster.read(spec.daemonSet);
    if (snapshot === null) throw RolloutError.daemonSetNotFound(spec.daemonSet.namespace, spec.daemonSet.name);
    const problems = specProblemsAgainst(spec, snapshot.daemonSet);
    if (problems.length > 0) throw RolloutError.invalidSpec(problems);
    return snapshot;
  }
}
