// Policy domains of a measure, from the editable taxonomy in data/taxonomy.json: cues weighed by strength and by
// where they stand in the sentence, and the domains ranked by their support.
import { z } from 'zod';
import { ClauseCues, SentenceClauses } from './clauses.js';
import { dataPath, loadDataFile } from './data-files.js';
import { NameTrie } from './name-trie.js';

const cueList = z.array(z.string().min(1));
const DomainSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a lowercase identifier (it names a CSV column)'),
    zh: z.string(),
    en: z.string(),
    definition: z.string().default(''),
    /** The classes of the State Council policy library's subject classification it covers (docs/extraction.md). */
    source: z.string().default(''),
    strong: cueList.default([]),
    weak: cueList.default([]),
    /** Those a measure of the domain helps (`企业`): such a noun governed by a help verb (`扶持文化企业`) is a strong cue. */
    helped: cueList.default([]),
    /**
     * Whether the domain is a means of help (credit, tax relief) rather than a sector served: it ranks after a sector
     * the sentence names with a strong cue (`专项债券用于高速公路建设`: transport, then finance).
     */
    means: z.boolean().default(false),
    /** The first taxonomies' single list: every keyword decided alone, as a strong cue does now. */
    keywords: cueList.optional(),
  })
  .transform(({ keywords, ...domain }) => ({ ...domain, strong: [...domain.strong, ...(keywords ?? [])] }))
  .refine((domain) => domain.strong.length + domain.weak.length + domain.helped.length > 0, { message: 'needs at least one cue (strong, weak or helped)' });

const weight = z.number().int().nonnegative();
/**
 * How cues add up. A domain's support is the sum of its distinct cues' weights; it is given at `given` or more when
 * it is the best supported, and beside it with a strong cue outside a frame or in a campaign frame (`主题教育中`; a time
 * frame such as `疫情防控期间` sets the scene of the deed), or with weak ones adding up to `givenBeside`, so that a weak word
 * or two adds no domain.
 */
const CueWeights = z.object({ strong: weight, weak: weight, subordinateDiscount: weight, given: weight, givenBeside: weight });
type CueWeights = z.infer<typeof CueWeights>;
/** Taxonomies written before cues were weighed: every keyword decides alone, wherever it stands. */
const KEYWORD_WEIGHTS: CueWeights = { strong: 1, weak: 1, subordinateDiscount: 0, given: 1, givenBeside: 1 };
const NO_CLAUSE_CUES: ClauseCues = {
  opening: [],
  closing: [],
  campaign: [],
  notClosing: [],
  notClosingStart: [],
  inner: [],
  enclosing: [],
  actors: [],
  locative: [],
  additive: [],
  notAdditive: [],
};
/** The verbs that make a domain's `helped` noun after them, in the same clause and within `reach` characters, a strong cue. */
const HelpVerbs = z.object({ verbs: cueList, notVerbs: cueList.default([]), reach: z.number().int().positive() });
type HelpVerbs = z.infer<typeof HelpVerbs>;
export const Taxonomy = z.object({
  notCues: cueList.default([]),
  helping: HelpVerbs.default({ verbs: [], notVerbs: [], reach: 1 }),
  weights: CueWeights.default(KEYWORD_WEIGHTS),
  clauses: ClauseCues.default(NO_CLAUSE_CUES),
  domains: z.array(DomainSchema).min(1),
});
export type Taxonomy = z.infer<typeof Taxonomy>;
export type Domain = z.infer<typeof DomainSchema>;

export function loadTaxonomy(file = dataPath('taxonomy.json')): Taxonomy {
  const taxonomy = loadDataFile(file, Taxonomy);
  const ids = new Set<string>();
  for (const domain of taxonomy.domains) {
    if (ids.has(domain.id)) throw new Error(`${file}: domain id ${domain.id} appears twice`);
    ids.add(domain.id);
  }
  return taxonomy;
}

/** A cue of a domain (by its index), or a word that holds a cue and means none (domain -1). */
interface Cue {
  domain: number;
  strong: boolean;
  /** A noun of those the domain helps: a cue only when a help verb governs it. */
  helped?: true;
}
const NOT_A_CUE = -1;

/** Each taxonomy's cues in one trie, built on first use: a sentence is scanned once, not once per cue. */
const cueTries = new WeakMap<Taxonomy, NameTrie<Cue>>();

function cueTrie(taxonomy: Taxonomy): NameTrie<Cue> {
  let trie = cueTries.get(taxonomy);
  if (!trie) {
    trie = NameTrie.build<Cue>(
      taxonomy.domains
        .flatMap((domain, index) => [
          ...domain.strong.map((cue): [string, Cue] => [cue, { domain: index, strong: true }]),
          ...domain.weak.map((cue): [string, Cue] => [cue, { domain: index, strong: false }]),
          ...domain.helped.map((noun): [string, Cue] => [noun, { domain: index, strong: true, helped: true }]),
        ])
        .concat(taxonomy.notCues.map((word): [string, Cue] => [word, { domain: NOT_A_CUE, strong: false }])),
    );
    cueTries.set(taxonomy, trie);
  }
  return trie;
}

interface Support {
  /** The weight of each distinct cue found, at its best place. */
  cues: Map<string, number>;
  /** Whether one of them is a strong cue outside a frame (not `在疫情防控中`, not who acts): it gives the domain beside a better one. */
  strong: boolean;
  /** Its strongest cue's weight (not counting those helped) and the clause where that weight was last found; where its first cue starts. */
  strongest: number;
  lastClause: number;
  first: number;
}

/** A cue word found in a sentence: where it stands and the cues it is. */
type Found = readonly [start: number, end: number, cues: readonly Cue[]];

/** The cue words of a text in order; a cue inside a longer cue (`教育` in `主题教育`) is the longer cue's word. */
function findCues(text: string, trie: NameTrie<Cue>): Found[] {
  const found: Found[] = [];
  let coveredUntil = 0;
  for (const start of trie.possibleStarts(text)) {
    const [longest] = trie.namesAt(text, start);
    if (!longest || longest[0] <= coveredUntil) continue;
    coveredUntil = longest[0];
    found.push([start, longest[0], longest[1]]);
  }
  return found;
}

/**
 * Whether a word right before the next cue word of another domain qualifies it or acts on it (`帮扶企业`, `社区医院`,
 * `企业职工`): the next word then says what the measure is about.
 */
function qualifiesNext(end: number, next: Found | undefined, domain: number): boolean {
  if (!next || next[0] !== end) return false;
  const domains = next[2].map((cue) => cue.domain);
  return !domains.includes(domain) && domains.some((other) => other !== NOT_A_CUE);
}

/** Whether a help verb (`扶持`, `为`) governs the word at `start`: it stands before it in the same clause, close enough. */
function isHelped(text: string, start: number, helping: HelpVerbs): boolean {
  const window = text.slice(Math.max(0, start - helping.reach), start);
  const from = start - window.length + window.search(/[，,；;：:。！？][^，,；;：:。！？]*$/) + 1;
  // `作为`, `成为`, `因为` hold `为` and help nobody: a verb inside such a word does not count.
  const inOtherWord = (at: number, verb: string) =>
    helping.notVerbs.some((word) => {
      const offset = word.indexOf(verb);
      return offset >= 0 && at - offset >= 0 && text.startsWith(word, at - offset);
    });
  return helping.verbs.some((verb) => {
    for (let at = text.indexOf(verb, from); at >= 0 && at + verb.length <= start; at = text.indexOf(verb, at + 1)) {
      if (!inOtherWord(at, verb)) return true;
    }
    return false;
  });
}

/** Ids of the domains the text is about, the best supported first (rankDomains). */
export function classifyDomains(text: string, taxonomy: Taxonomy): string[] {
  const { weights } = taxonomy;
  const words = findCues(text, cueTrie(taxonomy));
  if (words.length === 0) return [];
  const clauses = new SentenceClauses(text, taxonomy.clauses);
  const support = new Map<number, Support>();
  words.forEach(([start, end, cues], index) => {
    const word = text.slice(start, end);
    const actor = clauses.namesActor(end);
    const framed = actor || clauses.isFramed(start);
    const clause = clauses.coordinateClauseOf(start);
    for (const cue of cues) {
      if (cue.domain === NOT_A_CUE || (cue.helped && !isHelped(text, start, taxonomy.helping))) continue;
      // A place gone to (`来到社区`) or a word qualifying the next takes weight off a weak word only: `到医院` is about health.
      const weakened = !cue.strong && (clauses.isPlaceGoneTo(start) || qualifiesNext(end, words[index + 1], cue.domain));
      const weight = (cue.strong ? weights.strong : weights.weak) - (framed || weakened ? weights.subordinateDiscount : 0);
      const found = support.get(cue.domain) ?? { cues: new Map<string, number>(), strong: false, strongest: 0, lastClause: clause, first: start };
      // Those helped add their domain beside what the measure does for them (`扶持文化企业`: culture first), never lead.
      if (!cue.helped && weight >= found.strongest) {
        found.strongest = weight;
        found.lastClause = clause;
      }
      found.strong ||= cue.strong && !actor && (!framed || clauses.inCampaign(start));
      found.cues.set(word, Math.max(found.cues.get(word) ?? 0, weight));
      support.set(cue.domain, found);
    }
  });
  return rankDomains(support, taxonomy).map((domain) => taxonomy.domains[domain]!.id);
}

/**
 * The domains given, best first: by their strongest cue; then by the clause where that cue stands last (a sentence names
 * its actor and frame first and what is done last: `医疗队的医护人员…，成立临时党支部` is about the Party branch); then
 * by the first cue (in a list within one clause, the item named first); then by their whole support.
 */
function rankDomains(support: ReadonlyMap<number, Support>, { weights, domains }: Taxonomy): number[] {
  const ranked: Array<{ domain: number; total: number; strong: boolean; strongest: number; lastClause: number; first: number; means: boolean }> = [];
  for (const [domain, found] of support) {
    let total = 0;
    for (const weight of found.cues.values()) total += weight;
    if (total >= weights.given) ranked.push({ domain, total, ...found, means: domains[domain]!.means });
  }
  const sectorNamed = ranked.some((candidate) => !candidate.means && candidate.strongest >= weights.strong);
  const yields = (candidate: { means: boolean }) => (sectorNamed && candidate.means ? 1 : 0);
  ranked.sort(
    (a, b) =>
      yields(a) - yields(b) || b.strongest - a.strongest || b.lastClause - a.lastClause || a.first - b.first || b.total - a.total || a.domain - b.domain,
  );
  const beside = (candidate: { total: number; strong: boolean }) => candidate.strong || candidate.total >= weights.givenBeside;
  return ranked.filter((candidate, index) => index === 0 || beside(candidate)).map((candidate) => candidate.domain);
}
