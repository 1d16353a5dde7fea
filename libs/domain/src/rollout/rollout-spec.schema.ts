import { z } from 'zod';
import { isDnsLabel, isDnsSubdomain, isLabelKey, isLabelValue } from './kubernetes-names.js';
import { ROLLOUT_DEFAULTS } from './rollout-spec.js';
import type { MaxUnavailable, NodeSelection, RolloutSpec, TemplateChange } from './rollout-spec.js';

const PERCENT = /^(\d{1,3})%$/;

const positiveInt = z.int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' });
const nonNegativeInt = z.int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' });

const labelSelector = z
  .record(z.string(), z.string({ error: 'label values must be strings' }))
  .superRefine((labels, ctx) => {
    if (Object.keys(labels).length === 0) ctx.addIssue({ code: 'custom', message: 'must name at least one label' });
    for (const [key, value] of Object.entries(labels)) {
      if (!isLabelKey(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'is not a valid label key' });
      else if (!isLabelValue(value))
        ctx.addIssue({ code: 'custom', path: [key], message: 'is not a valid label value' });
    }
  });

const nodeSelection = z
  .strictObject({
    count: positiveInt.optional(),
    percent: positiveInt.max(100, { error: 'must be at most 100' }).optional(),
    selector: labelSelector.optional(),
  })
  .superRefine((nodes, ctx) => {
    const given = [nodes.count, nodes.percent, nodes.selector].filter((v) => v !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', message: 'must give exactly one of count, percent or selector' });
  })
  .transform((nodes): NodeSelection => {
    if (nodes.count !== undefined) return { kind: 'count', count: nodes.count };
    if (nodes.percent !== undefined) return { kind: 'percent', percent: nodes.percent };
    return { kind: 'selector', selector: nodes.selector ?? {} };
  });

const maxUnavailable = z
  .union([z.number(), z.string()], { error: 'must be a whole number or a percentage such as "10%"' })
  .superRefine((value, ctx) => {
    if (typeof value === 'number') {
      if (!Number.isInteger(value) || value < 1)
        ctx.addIssue({ code: 'custom', message: 'must be a whole number >= 1' });
      return;
    }
    const match = PERCENT.exec(value);
    const percent = match ? Number(match[1]) : NaN;
    if (!(percent >= 1 && percent <= 100))
      ctx.addIssue({ code: 'custom', message: 'must be a percentage from 1% to 100%' });
  })
  .transform((value) => value as MaxUnavailable);

const healthGates = z.strictObject({
  maxRestarts: nonNegativeInt.default(ROLLOUT_DEFAULTS.healthGates.maxRestarts),
  failOnCrashLoop: z.boolean().default(ROLLOUT_DEFAULTS.healthGates.failOnCrashLoop),
  failOnReadinessLoss: z.boolean().default(ROLLOUT_DEFAULTS.healthGates.failOnReadinessLoss),
});

const stage = z.strictObject({
  name: z.string().refine(isDnsLabel, { error: 'must be a lowercase DNS label (a-z, 0-9, -)' }),
  nodes: nodeSelection,
  maxUnavailable: maxUnavailable.default(ROLLOUT_DEFAULTS.maxUnavailable),
  approvals: nonNegativeInt.max(10, { error: 'must be at most 10' }).default(ROLLOUT_DEFAULTS.approvals),
  bakeSeconds: nonNegativeInt
    .max(7 * 24 * 3600, { error: 'must be at most a week' })
    .default(ROLLOUT_DEFAULTS.bakeSeconds),
  healthGates: healthGates.default({ ...ROLLOUT_DEFAULTS.healthGates }),
});

const containers = z
  .array(
    z.strictObject({
      name: z.string().refine(isDnsLabel, { error: 'must be a container name (DNS label)' }),
      image: z.string().trim().min(1, { error: 'must not be empty' }),
    }),
  )
  .min(1, { error: 'must name at least one container' })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((container, index) => {
      if (seen.has(container.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'appears twice' });
      seen.add(container.name);
    });
  });

const change = z
  .strictObject({
    containers: containers.optional(),
    templatePatch: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.containers === undefined) === (value.templatePatch === undefined))
      ctx.addIssue({ code: 'custom', message: 'must give exactly one of containers or templatePatch' });
  })
  .transform((value): TemplateChange =>
    value.containers !== undefined
      ? { kind: 'containers', containers: value.containers }
      : { kind: 'templatePatch', templatePatch: value.templatePatch ?? {} },
  );

const strategy = z.strictObject({
  stages: z
    .array(stage)
    .min(1, { error: 'must list at least one stage' })
    .superRefine((stages, ctx) => {
      const seen = new Set<string>();
      stages.forEach((s, index) => {
        if (seen.has(s.name))
          ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'stage names must be unique' });
        seen.add(s.name);
      });
    }),
  nodeReadyTimeoutSeconds: positiveInt
    .min(10, { error: 'must be at least 10' })
    .default(ROLLOUT_DEFAULTS.nodeReadyTimeoutSeconds),
  approvalValiditySeconds: positiveInt.default(ROLLOUT_DEFAULTS.approvalValiditySeconds),
  failurePolicy: z
    .strictObject({
      maxFailedNodes: nonNegativeInt.default(ROLLOUT_DEFAULTS.failurePolicy.maxFailedNodes),
      action: z
        .enum(['pause', 'rollback'], { error: 'must be "pause" or "rollback"' })
        .default(ROLLOUT_DEFAULTS.failurePolicy.action),
    })
    .default({ ...ROLLOUT_DEFAULTS.failurePolicy }),
});

export const rolloutSpecSchema = z
  .strictObject({
    daemonSet: z.strictObject({
      namespace: z.string().refine(isDnsLabel, { error: 'must be a namespace name (DNS label)' }),
      name: z.string().refine(isDnsSubdomain, { error: 'must be a DaemonSet name (DNS subdomain)' }),
    }),
    change,
    strategy,
    reason: z.string().trim().min(1, { error: 'must say why' }).max(1000, { error: 'must be at most 1000 characters' }),
    ticket: z.string().trim().min(1).max(200).nullish(),
  })
  .transform((spec): RolloutSpec => ({ ...spec, ticket: spec.ticket ?? null }));
