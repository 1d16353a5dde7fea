import type { FieldError } from './problem-details.js';

export interface ProblemSpec {
  readonly status: number;
  readonly title: string;
}

/**
 * The base of every module's exception: the module names its codes in an enum and gives each a
 * status and title in one table, and the global filter turns it into problem details.
 */
export abstract class ProblemException<Code extends string = string> extends Error {
  protected constructor(
    readonly code: Code,
    readonly spec: ProblemSpec,
    detail: string,
    readonly errors?: readonly FieldError[],
  ) {
    super(detail);
    this.name = new.target.name;
  }
}
