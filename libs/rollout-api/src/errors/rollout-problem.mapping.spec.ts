import { toProblem } from '#rollcall/http';
import { RolloutError, RolloutErrorCode } from '#rollcall/orchestrator';
import { toRolloutProblem } from './rollout-problem.mapping.js';

const problemOf = (error: unknown) => toProblem(toRolloutProblem(error), '/v1/rollouts').problem;

describe('toRolloutProblem', () => {
  it('answers an invalid spec with 422 validation problems naming each field as the spec spells it', () => {
    const error = RolloutError.invalidSpec([
      { field: 'strategy.stages[1].maxUnavailable', reason: 'must be a percentage from 1% to 100%' },
      { field: 'reason', reason: 'is required' },
    ]);

    expect(problemOf(error)).toMatchObject({
      status: 422,
      code: 'validation-failed',
      errors: [
        { field: 'strategy.stages[1].maxUnavailable', reason: 'must be a percentage from 1% to 100%' },
        { field: 'reason', reason: 'is required' },
      ],
    });
  });

  it('answers a refused command with 409 and the saga reason as the code', () => {
    const problem = problemOf(RolloutError.rejected('RequesterCannotApprove', 'alice requested this rollout.'));

    expect(problem).toMatchObject({
      status: 409,
      code: 'RequesterCannotApprove',
      type: 'urn:rollcall:problem:RequesterCannotApprove',
      detail: 'alice requested this rollout.',
    });
  });

  it.each([
    [RolloutError.daemonSetNotFound('default', 'nope'), 404, 'daemonset-not-found'],
    [RolloutError.activeRolloutExists('default', 'agent'), 409, 'active-rollout-exists'],
    [RolloutError.notFound('r-1'), 404, 'rollout-not-found'],
    [new RolloutError(RolloutErrorCode.ConcurrentUpdate, 'keeps changing'), 409, 'concurrent-update'],
    [new RolloutError(RolloutErrorCode.InvalidCursor, 'bad cursor'), 422, 'invalid-cursor'],
  ])('maps %s to %i %s', (error, status, code) => {
    expect(problemOf(error)).toMatchObject({ status, code, detail: error.message });
  });

  it('leaves other errors to the global mapping', () => {
    const error = new Error('pool ended');

    expect(toRolloutProblem(error)).toBe(error);
    expect(problemOf(error).status).toBe(500);
  });
});
