/** Deterministic text mutations for YAML and JSON templates: each is a pure function of (text, random). */

export type Random = () => number;

/** Deterministic pseudo-random numbers (mulberry32), so a failure replays from its seed. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const below = (random: Random, n: number): number => Math.floor(random() * n);
export const pick = <T>(random: Random, items: readonly T[]): T => items[below(random, items.length)];

/** Noise that YAML and JSON parsers, the intrinsic resolver and the number reader each treat specially. */
const TOKENS = [
  '!Ref X', '!GetAtt A.B', '!Sub "${X}"', '!If [C, 1]', '{', '[', ']', '}', '"', "'", ': ', '- ', '&a', '*a', '<<: *a', '\t', '#', '|', '>-',
  'null', '~', '0x1F', '1e400', '-0', 'NaN', '.inf', '{"Ref": "X"}', '{"Fn::GetAtt": ["A"]}', '\n---\n', '\r\n', '\\u', '\u2028', 'y'.repeat(5000),
];

/** Values of the wrong type for wherever they land. */
const WRONG_TYPES = { yaml: ['{ A: 1 }', '[1, 2]', '[]', '{}', '42', '-1', 'true', 'null', '""', '!Ref Missing'], json: ['{"A": 1}', '[1, 2]', '[]', '{}', '42', '-1', 'true', 'null', '""', '{"Ref": "Missing"}'] };

/** Keys that mean something to JavaScript objects or to CloudFormation, where a resource or property name goes. */
const KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'Type', 'Properties', 'Resources', 'Ref', 'Fn::GetAtt', 'Fn::If', 'Condition', 'DependsOn', 'Metadata'];

const lines = (text: string) => text.split('\n');
const joined = (parts: string[]) => parts.join('\n');
const looksJson = (text: string) => /^\s*[{[]/.test(text);

function deleteSpan(text: string, random: Random): string {
  const at = below(random, text.length);
  return text.slice(0, at) + text.slice(at + 1 + below(random, 40));
}

function insertToken(text: string, random: Random): string {
  const token = pick(random, TOKENS);
  const all = lines(text);
  // Half at a random offset, half at the start of a line's content, where YAML structure lives.
  if (random() < 0.5) {
    const at = below(random, text.length + 1);
    return text.slice(0, at) + token + text.slice(at);
  }
  const i = below(random, all.length);
  const indent = /^\s*/.exec(all[i])![0];
  all[i] = indent + token + all[i].slice(indent.length);
  return joined(all);
}

function duplicateLine(text: string, random: Random): string {
  const all = lines(text);
  const i = below(random, all.length);
  all.splice(i, 0, all[i]);
  return joined(all);
}

function deleteLine(text: string, random: Random): string {
  const all = lines(text);
  all.splice(below(random, all.length), 1 + below(random, 3));
  return joined(all);
}

function swapLines(text: string, random: Random): string {
  const all = lines(text);
  const i = below(random, all.length);
  // Mostly neighbours (a plausible slip), sometimes far apart.
  const j = random() < 0.7 ? Math.min(all.length - 1, i + 1) : below(random, all.length);
  [all[i], all[j]] = [all[j], all[i]];
  return joined(all);
}

function reindentLine(text: string, random: Random): string {
  const all = lines(text);
  const i = below(random, all.length);
  const content = all[i].trimStart();
  const width = all[i].length - content.length;
  const next = Math.max(0, width + pick(random, [-4, -2, -1, 1, 2, 4]));
  all[i] = (random() < 0.1 ? '\t' : ' '.repeat(next)) + content;
  return joined(all);
}

/** The value after a key (`Key: value` or `"Key": value`) becomes a map, a list, a number, a boolean… */
function wrongType(text: string, random: Random): string {
  const json = looksJson(text);
  const scalar = json ? /("[^"\n]*"\s*:\s*)("[^"\n]*"|-?\d[\d.eE+-]*|true|false|null)/g : /^([ \t]*(?:- )?[\w:.-]+: )([^\n{[|>&*#][^\n]*)$/gm;
  const spans = [...text.matchAll(scalar)];
  if (!spans.length) return text;
  const m = pick(random, spans);
  const start = m.index! + m[1].length;
  return text.slice(0, start) + pick(random, json ? WRONG_TYPES.json : WRONG_TYPES.yaml) + text.slice(start + m[2].length);
}

/** A key (`Key:` or `"Key":`) is renamed: to a JavaScript object's own names, or to a CloudFormation word in the wrong place. */
function renameKey(text: string, random: Random): string {
  const keys = [...text.matchAll(looksJson(text) ? /"([^"\n]+)"(?=\s*:)/g : /^[ \t]*(?:- )?([\w:.-]+)(?=:(?:\s|$))/gm)];
  if (!keys.length) return text;
  const m = pick(random, keys);
  const start = m.index! + m[0].length - m[1].length - (looksJson(text) ? 1 : 0);
  return text.slice(0, start) + pick(random, KEYS) + text.slice(start + m[1].length);
}

const truncate = (text: string, random: Random) => text.slice(0, below(random, text.length));
const prependBom = (text: string) => '\ufeff' + text;
const windowsLineEndings = (text: string) => text.replace(/\r?\n/g, '\r\n');
/** A NUL makes the file binary, so the engine stops early: rare, or most cases would test nothing else. */
const insertNul = (text: string, random: Random) => {
  const at = below(random, text.length + 1);
  return text.slice(0, at) + '\u0000' + text.slice(at);
};

export interface Mutation {
  name: string;
  weight: number;
  apply(text: string, random: Random): string;
}

export const MUTATIONS: readonly Mutation[] = [
  { name: 'delete-span', weight: 10, apply: deleteSpan },
  { name: 'insert-token', weight: 14, apply: insertToken },
  { name: 'duplicate-line', weight: 8, apply: duplicateLine },
  { name: 'delete-line', weight: 8, apply: deleteLine },
  { name: 'swap-lines', weight: 6, apply: swapLines },
  { name: 'reindent-line', weight: 8, apply: reindentLine },
  { name: 'wrong-type', weight: 14, apply: wrongType },
  { name: 'rename-key', weight: 6, apply: renameKey },
  { name: 'truncate', weight: 2, apply: truncate },
  { name: 'prepend-bom', weight: 1, apply: prependBom },
  { name: 'crlf', weight: 1, apply: windowsLineEndings },
  { name: 'insert-nul', weight: 0.3, apply: insertNul },
];

const TOTAL_WEIGHT = MUTATIONS.reduce((sum, m) => sum + m.weight, 0);

function chooseMutation(random: Random): Mutation {
  let left = random() * TOTAL_WEIGHT;
  for (const m of MUTATIONS) if ((left -= m.weight) < 0) return m;
  return MUTATIONS[MUTATIONS.length - 1];
}

/** Apply `count` weighted mutations in turn; the names say what was done, for the failure report. */
export function mutate(text: string, random: Random, count: number): { text: string; applied: string[] } {
  const applied: string[] = [];
  for (let i = 0; i < count; i++) {
    const mutation = chooseMutation(random);
    text = mutation.apply(text, random);
    applied.push(mutation.name);
  }
  return { text, applied };
}
