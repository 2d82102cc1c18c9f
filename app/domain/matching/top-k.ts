/**
 * Keeps the best `limit` items by (hundredths desc, key asc) and remembers the
 * best item it had to leave out — the bound the exact round's certificate needs.
 */
export class TopK<T> {
  private readonly items: { h: number; key: number; item: T }[] = [];
  /** Largest `h` left out, −Infinity while nothing was. */
  bestLeftOut = -Infinity;
  /**
   * The hundredths an item must reach to possibly get in (ties may still win
   * on the key): −Infinity until the list is full. A field, read in hot loops.
   */
  floor = -Infinity;
  seen = 0;

  constructor(private readonly limit: number) {}

  /** Cheap pre-check: would an item with this score and key get in? */
  admits(h: number, key: number): boolean {
    if (this.items.length < this.limit) return true;
    const worst = this.items[this.items.length - 1];
    return worst !== undefined && (h > worst.h || (h === worst.h && key < worst.key));
  }

  /**
   * The hundredths an item must reach to possibly get in (ties may still win
   * on the key): −Infinity until the list is full.
   */
  threshold(): number {
    return this.floor;
  }

  /** Records an item (call `admits` first to avoid building it for nothing). */
  offer(h: number, key: number, make: () => T): void {
    this.seen++;
    if (!this.admits(h, key)) {
      if (h > this.bestLeftOut) this.bestLeftOut = h;
      return;
    }
    const entry = { h, key, item: make() };
    if (this.limit === Infinity) {
      this.items.push(entry);
      return;
    }
    // Insertion from the end: the list is short (k ≈ 10) in the hot path.
    let i = this.items.length;
    this.items.push(entry);
    while (i > 0) {
      const prev = this.items[i - 1] as (typeof this.items)[number];
      if (prev.h > h || (prev.h === h && prev.key < key)) break;
      this.items[i] = prev;
      i--;
    }
    this.items[i] = entry;
    if (this.items.length > this.limit) {
      const dropped = this.items.pop();
      if (dropped && dropped.h > this.bestLeftOut) this.bestLeftOut = dropped.h;
    }
    if (this.items.length === this.limit) this.floor = this.items[this.limit - 1]?.h ?? -Infinity;
  }

  /** Records an item that is not kept but must count for `bestLeftOut`. */
  skip(h: number): void {
    this.seen++;
    if (h > this.bestLeftOut) this.bestLeftOut = h;
  }

  get complete(): boolean {
    return this.bestLeftOut === -Infinity;
  }

  /** Best first. */
  result(): { h: number; key: number; item: T }[] {
    if (this.limit === Infinity) this.items.sort((a, b) => b.h - a.h || a.key - b.key);
    return this.items;
  }
}
