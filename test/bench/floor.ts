// The floor a linter cannot beat: read the file, parse it with the same parser the product uses (yaml for
// YAML, jsonc-parser for templates, JSON.parse for plans) and visit every node. Run as a process, or in-process.
import * as fs from 'fs';
import { parseTree, type Node } from 'jsonc-parser';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';

export function floorParse(text: string, file: string): number {
  if (/\.ya?ml$/.test(file)) return walkYaml(parseDocument(text, { uniqueKeys: false, customTags: SHORT_TAGS }).contents);
  if (/"format_version"/.test(text.slice(0, 4096))) return walkPlain(JSON.parse(text));
  return walkJsonc(parseTree(text));
}

const SHORT_TAGS = ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'Condition', 'FindInMap', 'ImportValue', 'Base64', 'Cidr', 'GetAZs', 'Transform', 'ToJsonString', 'Length'].flatMap((name) =>
  (['scalar', 'seq', 'map'] as const).map((collection) => ({ tag: `!${name}`, collection: collection === 'scalar' ? undefined : collection, resolve: (v: unknown) => v, identify: () => false }) as never),
);

function walkYaml(node: unknown): number {
  if (isMap(node)) return node.items.reduce((n, p) => n + 1 + walkYaml(p.key) + walkYaml(p.value), 1);
  if (isSeq(node)) return node.items.reduce((n: number, item) => n + walkYaml(item), 1);
  if (isPair(node)) return 1 + walkYaml(node.key) + walkYaml(node.value);
  return isScalar(node) ? 1 : 0;
}

function walkJsonc(node: Node | undefined): number {
  if (!node) return 0;
  return (node.children ?? []).reduce((n, c) => n + walkJsonc(c), 1);
}

function walkPlain(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + walkPlain(x), 1);
  if (v && typeof v === 'object') return Object.values(v).reduce((n: number, x) => n + walkPlain(x), 1);
  return 1;
}

if (require.main === module) {
  const file = process.argv[2];
  const nodes = floorParse(fs.readFileSync(file, 'utf8'), file);
  process.stdout.write(`${nodes} nodes\n`);
}
