// Where a rule's documentation lives: beside its source in a checkout (what ruleDocPath finds), or in the
// packaged extension, where the server is bundled into dist/server.js and the docs ship in rules/ next to dist/.
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../../../rules';
import { ruleDocPath } from '../cli/rule-docs';

const found = new Map<string, string | undefined>();

export function ruleDocFile(ruleId: string): string | undefined {
  if (found.has(ruleId)) return found.get(ruleId);
  let file = ruleDocPath(ruleId);
  const rule = ALL_RULES.find((r) => r.id === ruleId);
  if (!file && rule) {
    const bundled = path.join(__dirname, '..', 'rules', rule.category, `${rule.id}.md`);
    if (fs.existsSync(bundled)) file = bundled;
  }
  found.set(ruleId, file);
  return file;
}
