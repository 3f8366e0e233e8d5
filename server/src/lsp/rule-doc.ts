// Where a rule's documentation lives: beside its source in a checkout (what ruleDocPath finds), or in the
// packaged extension, where the server is bundled into dist/server.js and the docs ship in rules/ next to dist/.
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../../../rules';
import { ruleDocPath } from '../cli/rule-docs';

const found = new Map<string, string | undefined>();

export function ruleDocFile(ruleId: string): string | undefined {
  if (found.has(ruleId)) return found.get(ruleId);
  const rule = ALL_RULES.find((r) => r.id === ruleId);
  // Only real rules are looked up and remembered: a client naming endless ids must not grow the cache.
  if (!rule) return undefined;
  let file = ruleDocPath(ruleId);
  if (!file) {
    const bundled = path.join(__dirname, '..', 'rules', rule.category, `${rule.id}.md`);
    if (fs.existsSync(bundled)) file = bundled;
  }
  found.set(ruleId, file);
  return file;
}
