/**
 * The global round: one mentor per open need, each volunteer at most their
 * remaining capacity, maximising the total score. This is a maximum-weight
 * bipartite b-matching, solved EXACTLY as a min-cost flow:
 *
 *   need n ──(cap 1, cost −w(n,u))──▶ volunteer u ──(cap c_u, cost 0)──▶ T
 *   need n ──(cap 1, cost 0: "nobody")──────────────────────────────────▶ T
 *
 * Needs are added one at a time and each sends its unit along a shortest path
 * (Dijkstra on reduced costs with node potentials) in the residual graph:
 * successive shortest paths keep the flow min-cost for the needs routed so far,
 * so after the last need it is optimal. The "nobody" arc lets a need stay
 * unmatched when every mentor it could have is worth more elsewhere.
 *
 * Weights are integers (score hundredths), so potentials are exact integers and
 * give a dual certificate: β_n = π(n) ≥ 0, α_u = −π(u) ≥ 0 with
 * β_n + α_u ≥ w(n,u) on every edge and Σβ + Σ c_u·α_u = total (strong duality).
 *
 * Pruning is certified, never guessed: each need starts with its few best
 * candidates; after solving, a left-out edge (n,u) could only improve the
 * optimum if w(n,u) > β_n + α_u (it is the only way the dual can be infeasible).
 * Since α ≥ 0, `bestLeftOut(n) ≤ β_n` proves all of n's left-out edges harmless;
 * otherwise more candidates are fetched, checked exactly, and the needs whose
 * lists grew leave the flow and come back with them (`BMatching.regrow`: the
 * rest is not solved again), until no edge violates the dual. The final duals
 * are feasible for the FULL graph, so the total is the full optimum.
 *
 * Pure: no I/O; deterministic (needs in index order, ties by candidate order).
 */

/** One need's candidates, best first (weight desc, then volunteer key asc). */
export type CandidateList = {
  /** Volunteer indices (0..volunteerCount−1). */
  volunteers: ArrayLike<number>;
  /** Integer weights > 0, non-increasing. */
  weights: ArrayLike<number>;
  /** False when candidates were left out. */
  complete: boolean;
  /** Largest weight among the left-out candidates (−Infinity when complete). */
  nextWeight: number;
};

export interface RoundProvider {
  readonly needCount: number;
  readonly volunteerCount: number;
  /** Remaining capacity of a volunteer (≥ 0). */
  capacity(volunteer: number): number;
  /** The best `limit` candidates of a need (all when `limit` is Infinity), best first. */
  candidates(need: number, limit: number): CandidateList;
}

export type RoundSolution = {
  /** need index → volunteer index, −1 when unmatched. */
  assignment: Int32Array;
  /** need index → weight of its assignment (0 when unmatched). */
  assignedWeight: Int32Array;
  /** Σ weights of the assignment. */
  total: number;
  /** Dual values (see header): β per need, α per volunteer. */
  needDual: Float64Array;
  volunteerDual: Float64Array;
  components: number;
  largestComponent: number;
  edges: number;
};

export type ExactRoundResult = RoundSolution & { iterations: number; fetchedEdges: number };

// ---------------------------------------------------------------------------
// A small binary min-heap of (key, node) with lazy deletion.

class MinHeap {
  private keys = new Float64Array(64);
  private nodes = new Int32Array(64);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      this.keys = k;
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      this.nodes = n;
    }
    let i = this.size++;
    // Ties by node index keep the search, hence the result, deterministic.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = this.keys[parent] ?? 0;
      if (pk < key || (pk === key && (this.nodes[parent] ?? 0) <= node)) break;
      this.keys[i] = pk;
      this.nodes[i] = this.nodes[parent] ?? 0;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  /** Removes the minimum; read it first with `topKey` / `topNode`. */
  pop(): void {
    const last = --this.size;
    const key = this.keys[last] ?? 0;
    const node = this.nodes[last] ?? 0;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last) {
        const ck = this.keys[child] ?? 0;
        const rk = this.keys[right] ?? 0;
        if (rk < ck || (rk === ck && (this.nodes[right] ?? 0) < (this.nodes[child] ?? 0))) child = right;
      }
      const ck = this.keys[child] ?? 0;
      if (key < ck || (key === ck && node <= (this.nodes[child] ?? 0))) break;
      this.keys[i] = ck;
      this.nodes[i] = this.nodes[child] ?? 0;
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  topKey(): number {
    return this.keys[0] ?? Infinity;
  }

  topNode(): number {
    return this.nodes[0] ?? -1;
  }
}

// ---------------------------------------------------------------------------
// Components (union–find over needs and volunteers)

function find(parent: Int32Array, x: number): number {
  let root = x;
  while (parent[root] !== root) root = parent[root] ?? root;
  while (parent[x] !== root) {
    const next = parent[x] ?? root;
    parent[x] = root;
    x = next;
  }
  return root;
}

/** Groups need indices by connected component, each group in index order, groups by first need. */
export function needComponents(lists: readonly CandidateList[], volunteerCount: number): number[][] {
  const n = lists.length;
  const parent = new Int32Array(n + volunteerCount);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  for (let i = 0; i < n; i++) {
    const vols = lists[i]?.volunteers ?? [];
    for (let k = 0; k < vols.length; k++) {
      const a = find(parent, i);
      const b = find(parent, n + (vols[k] ?? 0));
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(i);
  }
  return [...groups.values()];
}

// ---------------------------------------------------------------------------
// The exact solver on a given edge set

/**
 * Maximum-weight b-matching by successive shortest paths with potentials,
 * kept between calls so that the certified pruning can grow a few needs'
 * lists without solving everything again: `regrow` takes those needs out
 * (each removal restores optimality for the needs left, see `release`) and
 * puts them back with their longer lists. Exact for the current edges at
 * every moment between calls.
 */
class BMatching {
  private readonly N: number;
  private readonly V: number;
  private readonly T: number;
  private readonly potential: Float64Array; // π; π(T) stays 0
  private readonly dist: Float64Array;
  private readonly stamp: Int32Array; // which search last touched the node
  private readonly done: Int32Array;
  /** Forward searches: the node before; backward ones: the node after. */
  private readonly link: Int32Array;
  private readonly linkWeight: Float64Array;
  readonly assignment: Int32Array;
  readonly assignedWeight: Int32Array;
  /** 1 while a need is in the flow (matched or « nobody »). */
  private readonly inFlow: Uint8Array;
  // Needs held by each volunteer, as intrusive doubly linked lists in typed arrays:
  // a volunteer holds at most their capacity, and 100,000 little arrays would be churn.
  private readonly head: Int32Array;
  private readonly load: Int32Array;
  private readonly nextNeed: Int32Array;
  private readonly prevNeed: Int32Array;
  private readonly heap = new MinHeap();
  private readonly popped: number[] = [];
  private search = 0;
  /** Needs listing each volunteer (with the edge's weight), built on demand by `regrow`. */
  private revStart = new Int32Array(0);
  private revNeed = new Int32Array(0);
  private revWeight = new Int32Array(0);

  constructor(
    private readonly lists: CandidateList[],
    private readonly capacities: ArrayLike<number>,
  ) {
    const N = (this.N = lists.length);
    const V = (this.V = capacities.length);
    this.T = N + V;
    this.potential = new Float64Array(N + V + 1);
    this.dist = new Float64Array(N + V + 1);
    this.stamp = new Int32Array(N + V + 1);
    this.done = new Int32Array(N + V + 1);
    this.link = new Int32Array(N + V + 1);
    this.linkWeight = new Float64Array(N + V + 1);
    this.assignment = new Int32Array(N).fill(-1);
    this.assignedWeight = new Int32Array(N);
    this.inFlow = new Uint8Array(N);
    this.head = new Int32Array(V).fill(-1);
    this.load = new Int32Array(V);
    this.nextNeed = new Int32Array(N).fill(-1);
    this.prevNeed = new Int32Array(N).fill(-1);
  }

  private attach(u: number, m: number): void {
    const h = this.head[u] ?? -1;
    this.nextNeed[m] = h;
    this.prevNeed[m] = -1;
    if (h >= 0) this.prevNeed[h] = m;
    this.head[u] = m;
    this.load[u] = (this.load[u] ?? 0) + 1;
    this.assignment[m] = u;
  }

  private detach(u: number, m: number): void {
    const p = this.prevNeed[m] ?? -1;
    const q = this.nextNeed[m] ?? -1;
    if (p >= 0) this.nextNeed[p] = q;
    else this.head[u] = q;
    if (q >= 0) this.prevNeed[q] = p;
    this.load[u] = (this.load[u] ?? 0) - 1;
    this.assignment[m] = -1;
    this.assignedWeight[m] = 0;
  }

  private relax(node: number, d: number, from: number, w: number): void {
    if (this.stamp[node] !== this.search || d < (this.dist[node] ?? Infinity)) {
      this.stamp[node] = this.search;
      this.dist[node] = d;
      this.link[node] = from;
      this.linkWeight[node] = w;
      this.heap.push(d, node);
    }
  }

  /**
   * True when T's tentative distance is final: nothing left is nearer than `d`.
   * Ties would otherwise be settled first (T has the largest index), and on a
   * plateau of tight arcs that can be most of a contended region.
   */
  private reached(d: number): boolean {
    return this.stamp[this.T] === this.search && (this.dist[this.T] ?? Infinity) <= d;
  }

  private startSearch(from: number): void {
    this.search++;
    this.heap.clear();
    this.popped.length = 0;
    this.relax(from, 0, -1, 0);
  }

  /** The next node to expand (recorded in `popped`), or −1 once T's distance is final. */
  private nextBeforeSink(): number {
    const x = this.settleNext();
    if (x < 0 || x === this.T || this.reached(this.dist[x] ?? 0)) return -1;
    this.popped.push(x);
    return x;
  }

  private sinkDistance(): number {
    if (this.stamp[this.T] !== this.search) throw new Error("round: no path to the sink (cannot happen: « nobody » is always open)");
    return this.dist[this.T] ?? 0;
  }

  /** The nodes from T along the links (forward searches: the path reversed). */
  private pathFromSink(): number[] {
    const path: number[] = [];
    for (let x = this.T; x !== -1; x = this.link[x] ?? -1) path.push(x);
    return path;
  }

  /** Pops the nearest unsettled node, or −1 when the heap is empty. */
  private settleNext(): number {
    const heap = this.heap;
    while (heap.size > 0) {
      const d = heap.topKey();
      const x = heap.topNode();
      heap.pop();
      if (this.done[x] === this.search || d > (this.dist[x] ?? Infinity)) continue;
      this.done[x] = this.search;
      return x;
    }
    return -1;
  }

  /** Routes need n0's unit along a shortest path (to a mentor, possibly moving others, or to « nobody »). */
  insert(n0: number): void {
    const { N, T, lists, potential, assignment } = this;
    const list = lists[n0];
    this.inFlow[n0] = 1;
    if (!list || list.volunteers.length === 0) {
      potential[n0] = 0; // nobody: stays unmatched, β = 0
      return;
    }
    // Potential of the new need: every arc out of it gets a non-negative reduced cost.
    let p0 = 0;
    for (let k = 0; k < list.volunteers.length; k++) {
      const u = list.volunteers[k] ?? 0;
      p0 = Math.max(p0, (potential[N + u] ?? 0) + (list.weights[k] ?? 0));
    }
    potential[n0] = p0;

    this.startSearch(n0);
    for (let x = this.nextBeforeSink(); x >= 0; x = this.nextBeforeSink()) {
      const d = this.dist[x] ?? 0;
      const px = potential[x] ?? 0;
      if (x < N) {
        // A need: try each other mentor, or "nobody".
        const l = lists[x];
        const current = assignment[x];
        if (l) {
          for (let k = 0; k < l.volunteers.length; k++) {
            const u = l.volunteers[k] ?? 0;
            if (u === current) continue;
            const w = l.weights[k] ?? 0;
            this.relax(N + u, d + (-w + px - (potential[N + u] ?? 0)), x, w);
          }
        }
        this.relax(T, d + px, x, 0);
      } else {
        // A volunteer: a free slot ends the path; otherwise push one of their needs elsewhere.
        const u = x - N;
        if ((this.load[u] ?? 0) < (this.capacities[u] ?? 0)) this.relax(T, d + px, x, 0);
        for (let m = this.head[u] ?? -1; m >= 0; m = this.nextNeed[m] ?? -1) {
          this.relax(m, d + ((this.assignedWeight[m] ?? 0) + px - (potential[m] ?? 0)), x, 0);
        }
      }
    }
    const D = this.sinkDistance();
    // New potentials: π(x) += min(dist(x), D) − D, i.e. only nodes settled before T move.
    for (const x of this.popped) potential[x] = (potential[x] ?? 0) - (D - (this.dist[x] ?? 0));

    // Augment along the path T ← … ← n0.
    this.applyPath(this.pathFromSink().reverse(), false);
  }

  /** Moves the flow along a path of arcs (need → volunteer, volunteer → need, need → T, T → …). */
  /**
   * `weightOnNeed`: a backward search stored an arc's weight at its tail (the
   * need), a forward one at its head (the volunteer).
   */
  private applyPath(path: readonly number[], weightOnNeed: boolean): void {
    const { N, T } = this;
    for (let i = 0; i + 1 < path.length; i++) {
      const a = path[i] ?? 0;
      const b = path[i + 1] ?? 0;
      if (a === T) continue; // leaving T undoes a unit into T: the next arc says which
      if (a < N && b === T) {
        // The need turns to « nobody ».
      } else if (a < N) {
        this.attach(b - N, a);
        this.assignedWeight[a] = this.linkWeight[weightOnNeed ? a : b] ?? 0;
      } else if (b < N) {
        this.detach(a - N, b);
      }
    }
  }

  /**
   * Takes need n out of the flow. The needs left keep an optimal flow except
   * that n's mentor u now has a free slot, whose arc to T may have a negative
   * reduced cost (α_u > 0: u was worth more than nothing to someone). Then the
   * best use of that slot is a shortest path from T back to u (searched
   * backwards from u, so only u's neighbourhood is read), closed by u → T:
   * some need moves to u and the chain behind it shifts, or nothing changes
   * when the direct T → u is shortest. Potentials are updated as in `insert`.
   */
  private release(n: number): void {
    this.inFlow[n] = 0;
    const u = this.assignment[n] ?? -1;
    if (u < 0) return; // « nobody »: removing its unit changes no slot
    this.detach(u, n);
    const { N, T, potential } = this;
    if (!((potential[N + u] ?? 0) < 0)) return; // α_u = 0: a free slot is already priced right

    this.startSearch(N + u);
    // Leaving the slot free costs α_u: the path T → u, real while u holds someone.
    this.relax(T, -(potential[N + u] ?? 0), N + u, 0);
    for (let y = this.nextBeforeSink(); y >= 0; y = this.nextBeforeSink()) {
      const d = this.dist[y] ?? 0;
      const py = potential[y] ?? 0;
      if (y >= N) {
        // Arcs into volunteer v: from the needs listing v (not held by v), and T → v while v holds someone.
        const v = y - N;
        const end = this.revStart[v + 1] ?? 0;
        for (let k = this.revStart[v] ?? 0; k < end; k++) {
          const m = this.revNeed[k] ?? 0;
          if (this.inFlow[m] !== 1 || this.assignment[m] === v) continue;
          const w = this.revWeight[k] ?? 0;
          this.relax(m, d + (-w + (potential[m] ?? 0) - py), y, w);
        }
        if ((this.load[v] ?? 0) > 0) this.relax(T, d - py, y, 0);
      } else {
        // Arcs into need m: from its mentor (m leaves them), or T → m when m has « nobody ».
        const v = this.assignment[y] ?? -1;
        if (v >= 0) this.relax(N + v, d + ((this.assignedWeight[y] ?? 0) + (potential[N + v] ?? 0) - py), y, 0);
        else this.relax(T, d - py, y, 0);
      }
    }
    const D = this.sinkDistance();
    // π(x) += D − dist(x) for the nodes settled before T (dist here: to u).
    for (const y of this.popped) potential[y] = (potential[y] ?? 0) + (D - (this.dist[y] ?? 0));
    // The path T → … → u, in the links' order.
    this.applyPath(this.pathFromSink(), true);
  }

  /** Replaces some needs' lists by longer ones and restores the optimum. */
  regrow(changes: readonly { need: number; list: CandidateList }[]): void {
    this.buildReverse();
    for (const { need } of changes) this.release(need);
    for (const { need, list } of changes) this.lists[need] = list;
    for (const { need } of changes) this.insert(need);
  }

  /**
   * Raises each need's potential to the most its one arc in allows (its
   * mentor's, plus the edge; 0 with « nobody »): every reduced cost stays ≥ 0,
   * and each matched edge becomes tight, which is what makes the potentials a
   * dual certificate (β_n + α_u = w on the matching). `insert` keeps edges
   * tight by itself; a `release` may leave a freed mentor's other needs loose.
   */
  private tighten(): void {
    const { N, potential } = this;
    for (let n = 0; n < N; n++) {
      if (this.inFlow[n] !== 1) continue;
      const u = this.assignment[n] ?? -1;
      potential[n] = u >= 0 ? (this.assignedWeight[n] ?? 0) + (potential[N + u] ?? 0) : 0;
    }
  }

  private buildReverse(): void {
    const { V, lists } = this;
    const start = new Int32Array(V + 1);
    for (const l of lists) {
      for (let k = 0; k < l.volunteers.length; k++) {
        const at = (l.volunteers[k] ?? 0) + 1;
        start[at] = (start[at] ?? 0) + 1;
      }
    }
    for (let v = 0; v < V; v++) start[v + 1] = (start[v + 1] ?? 0) + (start[v] ?? 0);
    const fill = start.slice(0, V);
    const need = new Int32Array(start[V] ?? 0);
    const weight = new Int32Array(start[V] ?? 0);
    lists.forEach((l, n) => {
      for (let k = 0; k < l.volunteers.length; k++) {
        const v = l.volunteers[k] ?? 0;
        const at = fill[v] ?? 0;
        need[at] = n;
        weight[at] = l.weights[k] ?? 0;
        fill[v] = at + 1;
      }
    });
    this.revStart = start;
    this.revNeed = need;
    this.revWeight = weight;
  }

  solution(withComponents: boolean): RoundSolution {
    const { N, V, lists, potential } = this;
    this.tighten();
    let total = 0;
    let edges = 0;
    for (let i = 0; i < N; i++) {
      total += this.assignedWeight[i] ?? 0;
      edges += lists[i]?.volunteers.length ?? 0;
    }
    const needDual = new Float64Array(N);
    for (let i = 0; i < N; i++) needDual[i] = potential[i] ?? 0;
    const volunteerDual = new Float64Array(V);
    for (let u = 0; u < V; u++) volunteerDual[u] = -(potential[N + u] ?? 0);
    let components = 0;
    let largestComponent = 0;
    if (withComponents) {
      const groups = needComponents(lists, V);
      components = groups.length;
      for (const g of groups) largestComponent = Math.max(largestComponent, g.length);
    }
    return {
      assignment: this.assignment.slice(),
      assignedWeight: this.assignedWeight.slice(),
      total,
      needDual,
      volunteerDual,
      components,
      largestComponent,
      edges,
    };
  }
}

/**
 * Maximum-weight b-matching on the given candidate lists (successive shortest
 * paths with potentials, component by component). Exact for these edges.
 */
export function solveBMatching(lists: readonly CandidateList[], capacities: ArrayLike<number>): RoundSolution {
  return solveInto(new BMatching([...lists], capacities), lists, capacities.length).solution(true);
}

function solveInto(solver: BMatching, lists: readonly CandidateList[], volunteerCount: number): BMatching {
  for (const group of needComponents(lists, volunteerCount)) for (const n of group) solver.insert(n);
  return solver;
}

// ---------------------------------------------------------------------------
// Certified pruning around the solver

export type ExactRoundOptions = {
  /** Candidates fetched per need at first. */
  initialLimit?: number;
};

/**
 * Exact round over the full candidate graph that the provider describes,
 * fetching only the candidates needed to prove optimality (see header).
 */
export function runExactRound(provider: RoundProvider, options: ExactRoundOptions = {}): ExactRoundResult {
  const initialLimit = options.initialLimit ?? 4;
  const capacities = new Int32Array(provider.volunteerCount);
  for (let u = 0; u < capacities.length; u++) capacities[u] = provider.capacity(u);
  const lists: CandidateList[] = [];
  for (let n = 0; n < provider.needCount; n++) lists.push(provider.candidates(n, initialLimit));
  const solver = solveInto(new BMatching(lists, capacities), lists, capacities.length);

  for (let iteration = 1; ; iteration++) {
    const solution = solver.solution(false);
    const changes: { need: number; list: CandidateList }[] = [];
    for (let n = 0; n < lists.length; n++) {
      const grown = growIfViolated(provider, n, lists[n] as CandidateList, solution);
      if (grown) changes.push({ need: n, list: grown });
    }
    if (changes.length === 0) {
      const final = solver.solution(true);
      const fetchedEdges = lists.reduce((s, l) => s + l.volunteers.length, 0);
      return { ...final, iterations: iteration, fetchedEdges };
    }
    // The needs whose lists grew leave the flow and come back with them: the rest is not solved again.
    solver.regrow(changes);
  }
}

/**
 * Returns a longer list for need n when one of its left-out edges violates the
 * dual (w > β_n + α_u), or null when all of them are proven harmless.
 */
function growIfViolated(
  provider: RoundProvider,
  n: number,
  list: CandidateList,
  solution: RoundSolution,
): CandidateList | null {
  const beta = solution.needDual[n] ?? 0;
  let current = list;
  let limit = Math.max(8, current.volunteers.length * 4);
  while (!current.complete && current.nextWeight > beta) {
    const longer = provider.candidates(n, limit);
    for (let k = list.volunteers.length; k < longer.volunteers.length; k++) {
      const w = longer.weights[k] ?? 0;
      if (w <= beta) break; // non-increasing: no later edge can violate either
      const alpha = solution.volunteerDual[longer.volunteers[k] ?? 0] ?? 0;
      if (w > beta + alpha) return longer;
    }
    current = longer;
    limit *= 4;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Greedy, for comparison only

export type GreedyResult = { assignment: Int32Array; assignedWeight: Int32Array; total: number };

/**
 * The classic greedy: take edges by decreasing weight (ties: need index, then
 * candidate order) while the need is free and the volunteer has room. Lazily
 * fetches longer lists from the provider, so it equals greedy on the full graph.
 */
export function greedyRound(provider: RoundProvider, initialLimit = 4): GreedyResult {
  const N = provider.needCount;
  const remaining = new Int32Array(provider.volunteerCount);
  for (let u = 0; u < remaining.length; u++) remaining[u] = provider.capacity(u);
  const lists: CandidateList[] = [];
  const cursor = new Int32Array(N);
  const assignment = new Int32Array(N).fill(-1);
  const assignedWeight = new Int32Array(N);
  // Max-heap on (weight, −need) through a min-heap on (−weight·(N+1) + need).
  const heap = new MinHeap();
  const keyOf = (n: number, w: number) => -w * (N + 1) + n;
  for (let n = 0; n < N; n++) {
    const l = provider.candidates(n, initialLimit);
    lists.push(l);
    if (l.volunteers.length > 0) heap.push(keyOf(n, l.weights[0] ?? 0), n);
  }
  let total = 0;
  while (heap.size > 0) {
    const n = heap.topNode();
    heap.pop();
    let l = lists[n] as CandidateList;
    const k = cursor[n] ?? 0;
    const u = l.volunteers[k] ?? 0;
    if ((remaining[u] ?? 0) > 0) {
      remaining[u] = (remaining[u] ?? 0) - 1;
      assignment[n] = u;
      assignedWeight[n] = l.weights[k] ?? 0;
      total += l.weights[k] ?? 0;
      continue;
    }
    cursor[n] = k + 1;
    if (k + 1 >= l.volunteers.length && !l.complete) {
      l = provider.candidates(n, Math.max(4, l.volunteers.length * 4));
      lists[n] = l;
    }
    if (k + 1 < l.volunteers.length) heap.push(keyOf(n, l.weights[k + 1] ?? 0), n);
  }
  return { assignment, assignedWeight, total };
}

/** A provider over explicit edge lists (tests, small rounds, the bench's subset check). */
export function listProvider(
  candidates: readonly { volunteer: number; weight: number; key?: number }[][],
  capacities: readonly number[],
): RoundProvider {
  const sorted = candidates.map((l) =>
    [...l].sort((a, b) => b.weight - a.weight || (a.key ?? a.volunteer) - (b.key ?? b.volunteer)),
  );
  return {
    needCount: sorted.length,
    volunteerCount: capacities.length,
    capacity: (u) => capacities[u] ?? 0,
    candidates(n, limit) {
      const all = sorted[n] ?? [];
      const kept = all.slice(0, Math.min(all.length, limit));
      return {
        volunteers: kept.map((c) => c.volunteer),
        weights: kept.map((c) => c.weight),
        complete: kept.length === all.length,
        nextWeight: all[kept.length]?.weight ?? -Infinity,
      };
    },
  };
}
