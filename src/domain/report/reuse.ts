/**
 * Values kept from one computation to the next (a ReportMemo slot). `turn()` starts a computation;
 * `get` finds a value made in this computation or the one before and keeps it; whatever the last
 * computation did not use is dropped at the next turn. So the kept values never outgrow two
 * computations' worth, however long the editing goes on.
 */
export class Reuse<V> {
  private previous = new Map<string, V>();
  private current = new Map<string, V>();

  turn(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get(key: string): V | undefined {
    const known = this.current.get(key);
    if (known !== undefined) return known;
    const kept = this.previous.get(key);
    if (kept !== undefined) this.current.set(key, kept);
    return kept;
  }

  set(key: string, value: V): void {
    this.current.set(key, value);
  }
}
