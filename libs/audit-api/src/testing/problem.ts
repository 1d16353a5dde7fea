export interface Problem {
  readonly type: string;
  readonly status: number;
  readonly instance: string;
  readonly errors?: readonly { field: string; reason: string }[];
}

export interface PageBody<Item> {
  readonly items: Item[];
  readonly nextCursor: string | null;
}

/** Fields a 422 problem names. */
export const fieldsOf = (body: unknown): string[] => ((body as Problem).errors ?? []).map((error) => error.field);
