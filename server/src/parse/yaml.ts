import { isAlias, isMap, isScalar, isSeq, parseDocument, type CollectionTag, type Document, type Node as YNode, type ScalarTag } from 'yaml';
import type { MapEntry, Span, ValueNode } from '../../../rules/kit/types';
import { DEFAULT_BUDGETS, type Budgets } from './limits';
import { duplicateKeyIssue, MapKeys, type ParsedDocument, type ParseIssue } from './tree';
import { yamlNestingBeyond } from './yaml-nesting';

/** CloudFormation short-form tags and the long-form key each one stands for. */
export const SHORT_TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
  '!ForEach': 'Fn::ForEach',
};

/**
 * The short tags, known to the parser as tags that keep their value as written: an unknown tag would cost a
 * warning object (with a stack trace) per `!Ref`, a third of the parse time of a large template.
 */
const KNOWN_TAGS: (ScalarTag | CollectionTag)[] = Object.keys(SHORT_TAGS).flatMap((tag) => [
  { tag, resolve: (value: string) => value, identify: () => false },
  { tag, collection: 'map' as const, resolve: (value: unknown) => value, identify: () => false },
  { tag, collection: 'seq' as const, resolve: (value: unknown) => value, identify: () => false },
]);

/** The parser recurses per level and overflowed near 900 here: deeper is refused before parsing (the tree is cut at 256 anyway). */
const PARSEABLE_DEPTH = 500;

class BudgetError extends Error {
  constructor(message: string, readonly span: Span) {
    super(message);
  }
}

/**
 * Parse YAML into the positioned value tree, decoding short tags to their long form. `depth` is the nesting
 * level of the document's root, for a piece of a larger document parsed on its own (yaml-reparse.ts).
 */
export function parseYaml(text: string, budgets: Budgets = DEFAULT_BUDGETS, depth = 0): ParsedDocument {
  const tooDeep = (offset: number): ParsedDocument => ({
    format: 'yaml',
    root: undefined,
    usesShortTags: false,
    issues: [{ code: 'budget-exceeded', message: `Nesting deeper than ${PARSEABLE_DEPTH} levels; the file was not analysed.`, span: { start: offset, end: offset + 1 } }],
  });
  const deepAt = yamlNestingBeyond(text, PARSEABLE_DEPTH);
  if (deepAt >= 0) return tooDeep(deepAt);
  const issues: ParseIssue[] = [];
  let doc: Document;
  try {
    // uniqueKeys off: we report duplicates ourselves, with both positions, and keep reading.
    doc = parseDocument(text, { uniqueKeys: false, strict: false, prettyErrors: false, keepSourceTokens: false, customTags: KNOWN_TAGS });
  } catch (e) {
    // The estimate above missed a nesting the parser cannot take: the same answer, never a crash.
    if (e instanceof RangeError) return tooDeep(0);
    throw e;
  }
  const overflow = doc.errors.find((err) => /call stack/i.test(err.message));
  if (overflow) return tooDeep(overflow.pos[0]);
  for (const err of doc.errors) {
    issues.push({ code: 'syntax-error', message: `YAML syntax error: ${firstLine(err.message)}`, span: { start: err.pos[0], end: err.pos[1] } });
  }
  const walker = new YamlWalker(doc, budgets, issues);
  let root: ValueNode | undefined;
  try {
    root = doc.contents ? walker.convert(doc.contents as YNode, depth, false) : undefined;
  } catch (e) {
    if (!(e instanceof BudgetError)) throw e;
    issues.push({ code: 'budget-exceeded', message: e.message, span: e.span });
    root = undefined;
  }
  return { format: 'yaml', root, issues, usesShortTags: walker.sawShortTag };
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

class YamlWalker {
  sawShortTag = false;
  private aliasNodes = 0;

  constructor(private readonly doc: Document, private readonly budgets: Budgets, private readonly issues: ParseIssue[]) {}

  convert(node: YNode, depth: number, inAlias: boolean): ValueNode {
    const span = spanOf(node);
    if (depth > this.budgets.maxDepth) {
      throw new BudgetError(`Nesting deeper than ${this.budgets.maxDepth} levels (budget maxDepth); the rest of the file was not analysed.`, span);
    }
    if (inAlias && ++this.aliasNodes > this.budgets.maxAliasNodes) {
      throw new BudgetError(`YAML aliases expand to more than ${this.budgets.maxAliasNodes} nodes (budget maxAliasNodes); the file was not analysed.`, span);
    }
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) return { kind: 'scalar', value: null, span };
      const value = this.convert(target as YNode, depth + 1, true);
      return { ...value, span } as ValueNode;
    }
    const value = this.convertPlain(node, depth, inAlias, span);
    const tag = node.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      const longForm = SHORT_TAGS[tag];
      if (longForm) {
        this.sawShortTag = true;
        return { kind: 'map', entries: [{ key: longForm, keySpan: tagSpan(node, span), value: shortTagArgument(tag, value) }], span, shortTag: tag };
      }
    }
    return value;
  }

  private convertPlain(node: YNode, depth: number, inAlias: boolean, span: Span): ValueNode {
    if (isScalar(node)) {
      const v = node.value;
      const value = v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      // A tagged scalar such as `!Ref Name` keeps its source text.
      return { kind: 'scalar', value: node.tag && !node.tag.startsWith('tag:') && typeof value !== 'string' ? String(node.source ?? value) : value, span };
    }
    if (isSeq(node)) {
      return { kind: 'seq', items: node.items.map((item) => this.convert(item as YNode, depth + 1, inAlias)), span };
    }
    if (isMap(node)) {
      const entries: MapEntry[] = [];
      const keys = new MapKeys(entries);
      for (const pair of node.items) {
        const keyNode = pair.key as YNode | null;
        const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : keyNode && isAlias(keyNode) ? String((keyNode.resolve(this.doc) as { value?: unknown } | undefined)?.value) : '';
        const keySpan = keyNode ? spanOf(keyNode) : span;
        if (keys.repeats(key) && !inAlias) this.issues.push(duplicateKeyIssue(key, keySpan));
        const value: ValueNode = pair.value ? this.convert(pair.value as YNode, depth + 1, inAlias) : { kind: 'scalar', value: null, span: { start: keySpan.end, end: keySpan.end } };
        entries.push({ key, keySpan, value });
      }
      return { kind: 'map', entries, span };
    }
    return { kind: 'scalar', value: null, span };
  }
}

function spanOf(node: YNode): Span {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

/** The tag itself sits before the node's range; point the key span at the value start. */
function tagSpan(_node: YNode, span: Span): Span {
  return { start: span.start, end: span.start };
}

function shortTagArgument(tag: string, value: ValueNode): ValueNode {
  // `!GetAtt Resource.Attribute` is the dotted form of `Fn::GetAtt: [Resource, Attribute]`.
  if (tag === '!GetAtt' && value.kind === 'scalar' && typeof value.value === 'string') {
    const dot = value.value.indexOf('.');
    if (dot > 0) {
      const s = value.span;
      return {
        kind: 'seq',
        span: s,
        items: [
          { kind: 'scalar', value: value.value.slice(0, dot), span: s },
          { kind: 'scalar', value: value.value.slice(dot + 1), span: s },
        ],
      };
    }
  }
  return value;
}
