interface Member<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Gathers the items submitted in the same turn of the event loop (the batches of one fetch, handed
 * out together) and applies them with one call. When a group fails, each member is tried alone, so
 * one bad item does not hold the others back.
 */
export class BatchGroups<T> {
  private pending: Member<T>[] = [];

  constructor(private readonly applyAll: (items: readonly T[]) => Promise<void>) {}

  submit(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ item, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const group = this.pending;
    this.pending = [];
    try {
      await this.applyAll(group.map((member) => member.item));
      group.forEach((member) => member.resolve());
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      for (const member of group) await this.applyAll([member.item]).then(member.resolve, member.reject);
    }
  }
}
