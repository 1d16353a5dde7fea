import type { HistoryContent } from '#rollcall/domain';
import type { PoolClient } from 'pg';

type Content = Omit<HistoryContent, 'chain' | 'seq'>;
type Target = { readonly namespace: string | null; readonly daemonset: string };

const lacksTarget = (content: Content): content is Content & { rolloutId: string } =>
  content.rolloutId !== null && content.daemonset === null;

/**
 * Rollout events name only their rollout; their history rows also name its DaemonSet, taken from the
 * rollout's RolloutRequested (in this batch, or recorded before it: both travel under the rollout's
 * key), so an auditor's history filtered by DaemonSet finds the rollouts of it too.
 */
export async function withRolloutTargets(client: PoolClient, contents: readonly Content[]): Promise<Content[]> {
  const wanted = new Set(contents.filter(lacksTarget).map((content) => content.rolloutId));
  if (wanted.size === 0) return [...contents];
  const targets = new Map<string, Target>();
  for (const content of contents) {
    if (content.type === 'RolloutRequested' && content.rolloutId !== null && content.daemonset !== null) {
      targets.set(content.rolloutId, { namespace: content.namespace, daemonset: content.daemonset });
    }
  }
  const unknown = [...wanted].filter((rolloutId) => !targets.has(rolloutId));
  if (unknown.length > 0) {
    const recorded = await client.query<{ rollout_id: string; namespace: string | null; daemonset: string }>(
      `SELECT DISTINCT ON (rollout_id) rollout_id, namespace, daemonset FROM history
        WHERE rollout_id = ANY($1::text[]) AND type = 'RolloutRequested' AND daemonset IS NOT NULL`,
      [unknown],
    );
    for (const row of recorded.rows)
      targets.set(row.rollout_id, { namespace: row.namespace, daemonset: row.daemonset });
  }
  return contents.map((content) => {
    const target = lacksTarget(content) ? targets.get(content.rolloutId) : undefined;
    return target
      ? { ...content, namespace: content.namespace ?? target.namespace, daemonset: target.daemonset }
      : content;
  });
}
