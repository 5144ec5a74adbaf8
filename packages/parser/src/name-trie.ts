// A trie of names in flat typed arrays, keyed by UTF-16 code unit. Built once from the gazetteer's ~50,000 names,
// then looked up at every position of every paragraph. Every extraction thread holds one: as a tree of JS Maps the
// knowledge tables took 47 MB of heap per thread, with this 26 MB (measured after createExtractor); lookups are as fast.

interface BuildNode<T> {
  children: Map<number, BuildNode<T>>;
  values?: T[];
}

/** A trie as plain arrays: what a saved index holds. */
export interface TrieSnapshot<T> {
  firstUnit: Int32Array;
  childStart: Int32Array;
  edgeUnit: Uint16Array;
  edgeNode: Int32Array;
  values: Array<T[] | undefined>;
}

export class NameTrie<T> {
  private constructor(
    /** The node of each first code unit, or -1. */
    private readonly firstUnit: Int32Array,
    /** Node n's children are the edges childStart[n] .. childStart[n + 1] - 1, sorted by code unit. */
    private readonly childStart: Int32Array,
    private readonly edgeUnit: Uint16Array,
    private readonly edgeNode: Int32Array,
    private readonly values: Array<T[] | undefined>,
  ) {
    this.pairs = firstPairs(firstUnit, childStart, edgeUnit);
    this.startKinds = startKinds(firstUnit, values);
  }

  /** For each code unit: whether no name starts with it, some may (the pair filter decides), or one is it whole. */
  private readonly startKinds: Uint8Array;

  /**
   * A filter on the first two code units of every name (a bit per hashed pair).
   * Two thirds of the positions in news text start some path in the place trie and under one in a hundred start a
   * name; the filter turns nearly all the others away without a search of the trie's edges.
   */
  private readonly pairs: Uint32Array;

  /** The trie's arrays, for saving it (see `gazetteer-index.ts`); `fromSnapshot` gives the same trie back. */
  snapshot(): TrieSnapshot<T> {
    return { firstUnit: this.firstUnit, childStart: this.childStart, edgeUnit: this.edgeUnit, edgeNode: this.edgeNode, values: this.values };
  }

  static fromSnapshot<T>(snapshot: TrieSnapshot<T>): NameTrie<T> {
    return new NameTrie(snapshot.firstUnit, snapshot.childStart, snapshot.edgeUnit, snapshot.edgeNode, snapshot.values);
  }

  static build<T>(names: Iterable<readonly [string, T]>): NameTrie<T> {
    const roots = new Map<number, BuildNode<T>>();
    for (const [name, value] of names) {
      if (name.length === 0) continue;
      let node: BuildNode<T> | undefined = roots.get(name.charCodeAt(0));
      if (!node) roots.set(name.charCodeAt(0), (node = { children: new Map() }));
      for (let i = 1; i < name.length; i++) {
        const unit = name.charCodeAt(i);
        let child: BuildNode<T> | undefined = node.children.get(unit);
        if (!child) node.children.set(unit, (child = { children: new Map() }));
        node = child;
      }
      (node.values ??= []).push(value);
    }
    // Breadth first, children in code-unit order: each node's children get consecutive edges.
    const order: Array<BuildNode<T>> = [];
    const firstUnit = new Int32Array(0x10000).fill(-1);
    for (const [unit, node] of roots) {
      firstUnit[unit] = order.length;
      order.push(node);
    }
    const edgeUnit: number[] = [];
    const edgeNode: number[] = [];
    const values: Array<T[] | undefined> = [];
    for (let n = 0; n < order.length; n++) {
      const node = order[n]!;
      values.push(node.values);
      for (const [unit, child] of [...node.children].sort((a, b) => a[0] - b[0])) {
        edgeUnit.push(unit);
        edgeNode.push(order.length);
        order.push(child);
      }
    }
    const starts = new Int32Array(order.length + 1);
    // Edges were appended parent by parent, so a node's first edge is the count of edges of the nodes before it.
    let edge = 0;
    for (let n = 0; n < order.length; n++) {
      starts[n] = edge;
      edge += order[n]!.children.size;
    }
    starts[order.length] = edge;
    return new NameTrie(firstUnit, starts, Uint16Array.from(edgeUnit), Int32Array.from(edgeNode), values);
  }

  private child(node: number, unit: number): number {
    let low = this.childStart[node]!;
    let high = this.childStart[node + 1]! - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = this.edgeUnit[middle]!;
      if (found === unit) return this.edgeNode[middle]!;
      if (found < unit) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /**
   * The positions of `text` where a name may start, in order: every position where one does is among them. Scanners
   * walk these instead of calling `namesAt` at every position (fewer than one in twenty passes the filter).
   */
  possibleStarts(text: string): number[] {
    const starts: number[] = [];
    const pairs = this.pairs;
    const kinds = this.startKinds;
    let first = text.length > 0 ? text.charCodeAt(0) : 0;
    for (let start = 0; start < text.length; start++) {
      const second = start + 1 < text.length ? text.charCodeAt(start + 1) : -1;
      const kind = kinds[first]!;
      if (kind === WHOLE_NAME || (kind === PREFIX && pairMayStart(pairs, first, second))) starts.push(start);
      first = second;
    }
    return starts;
  }

  /** Every name starting at `start` in `text`, longest first, as [end, values]; the empty array when none. */
  namesAt(text: string, start: number): ReadonlyArray<[number, T[]]> {
    if (start >= text.length) return NONE;
    const first = text.charCodeAt(start);
    const kind = this.startKinds[first]!;
    if (kind === NO_NAME || (kind === PREFIX && !pairMayStart(this.pairs, first, start + 1 < text.length ? text.charCodeAt(start + 1) : -1))) return NONE;
    let node = this.firstUnit[first]!;
    let found: Array<[number, T[]]> | undefined;
    for (let i = start + 1; ; i++) {
      const values = this.values[node];
      if (values) (found ??= []).push([i, values]);
      if (i >= text.length) break;
      node = this.child(node, text.charCodeAt(i));
      if (node < 0) break;
    }
    return found ? found.reverse() : NONE;
  }
}

const NONE: ReadonlyArray<[number, never]> = Object.freeze([]);

const PAIR_BITS = 1 << 20;
/** The filter's bit for a first unit and the unit after it. */
function pairBit(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ (second + 1)) & (PAIR_BITS - 1);
}

function pairMayStart(pairs: Uint32Array, first: number, second: number): boolean {
  const bit = pairBit(first, second);
  return ((pairs[bit >>> 5]! >>> (bit & 31)) & 1) === 1;
}

function firstPairs(firstUnit: Int32Array, childStart: Int32Array, edgeUnit: Uint16Array): Uint32Array {
  const pairs = new Uint32Array(PAIR_BITS / 32);
  const set = (bit: number) => (pairs[bit >>> 5]! |= 1 << (bit & 31));
  for (let first = 0; first < firstUnit.length; first++) {
    const node = firstUnit[first]!;
    if (node < 0) continue;
    for (let edge = childStart[node]!; edge < childStart[node + 1]!; edge++) set(pairBit(first, edgeUnit[edge]!));
  }
  return pairs;
}

/** No name starts with the unit; names start with it and need a second unit (the pair filter decides); it is a name. */
const NO_NAME = 0;
const PREFIX = 1;
const WHOLE_NAME = 2;

function startKinds<T>(firstUnit: Int32Array, values: Array<T[] | undefined>): Uint8Array {
  const kinds = new Uint8Array(firstUnit.length);
  for (let unit = 0; unit < firstUnit.length; unit++) {
    const node = firstUnit[unit]!;
    kinds[unit] = node < 0 ? NO_NAME : values[node] ? WHOLE_NAME : PREFIX;
  }
  return kinds;
}
