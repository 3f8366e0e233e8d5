import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ALL_RULES } from '../../../rules';

/** The package root: four levels up from out/server/src/cli, or one up from dist/ in the bundled extension. */
const ROOT = [path.join(__dirname, '../../../..'), path.join(__dirname, '..')].find((dir) => fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'rules'))) ?? path.join(__dirname, '../../../..');

function packageJson(): { version?: string; homepage?: string; repository?: string | { url?: string } } {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  } catch {
    return {};
  }
}

export function version(): string {
  return packageJson().version ?? '0.0.0';
}

/** The rule's documentation file, beside its source: <package>/rules/<category>/<id>.md. */
export function ruleDocPath(ruleId: string): string | undefined {
  const rule = ALL_RULES.find((r) => r.id === ruleId);
  if (!rule) return undefined;
  const candidates = [path.join(ROOT, 'rules', rule.category, `${rule.id}.md`), path.join(__dirname, '../../../rules', rule.category, `${rule.id}.md`)];
  return candidates.find((c) => fs.existsSync(c));
}

export function ruleDocText(ruleId: string): string | undefined {
  const file = ruleDocPath(ruleId);
  try {
    return file ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Web page of the project's source, from package.json (repository or homepage), without a trailing slash. */
export function projectUrl(): string | undefined {
  const pkg = packageJson();
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const raw = repo ?? pkg.homepage;
  if (!raw) return undefined;
  const url = raw.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/$/, '');
  return /^https?:\/\//.test(url) ? url : undefined;
}

/** Where a reader finds the rule's documentation: the file in the project's repository, else the installed file. */
export function ruleHelpUri(ruleId: string): string | undefined {
  const rule = ALL_RULES.find((r) => r.id === ruleId);
  if (!rule) return undefined;
  const base = projectUrl();
  if (base) return `${base}/blob/main/rules/${rule.category}/${rule.id}.md`;
  const file = ruleDocPath(ruleId);
  return file ? pathToFileURL(file).href : undefined;
}
