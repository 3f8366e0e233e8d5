import { strict as assert } from 'assert';
import { defaultConfig, type PhiMode, type PhiSettings } from '../../server/src/engine/config';
import { lint } from '../../server/src/engine/lint';
import { yamlToJson } from '../harness/yaml-to-json';

/** Expected verdict, and the chain as `resource@dotted.path` steps from origin to the resource. */
export type ExpectedPhi = [verdict: string, ...steps: string[]];

export interface PhiCase {
  name: string;
  yaml?: string;
  sam?: string;
  plan?: unknown;
  mode?: PhiMode;
  settings?: Partial<PhiSettings>;
  /** By resource id. Resources not listed are not checked. */
  expect: Record<string, ExpectedPhi>;
  /** Substrings the last step's reason must contain, by resource id. */
  why?: Record<string, string>;
  protectsPhi?: string[];
}

function forms(c: PhiCase): { uri: string; text: string }[] {
  const out: { uri: string; text: string }[] = [];
  if (c.yaml !== undefined) out.push({ uri: 'file:///phi/template.yaml', text: c.yaml }, { uri: 'file:///phi/template.json', text: yamlToJson(c.yaml) });
  if (c.sam !== undefined) out.push({ uri: 'file:///phi/sam.yaml', text: c.sam });
  if (c.plan !== undefined) out.push({ uri: 'file:///phi/plan.json', text: JSON.stringify(c.plan, null, 2) });
  return out;
}

export function verdictsOf(text: string, uri: string, mode: PhiMode = 'declared', settings: Partial<PhiSettings> = {}) {
  const config = defaultConfig();
  Object.assign(config.phi, settings, { mode });
  const analysis = lint(text, uri, { config });
  assert.equal(analysis.document.kind, 'template', `${uri} is not a template`);
  return analysis.phi;
}

/** RuleTester-style table: every form of every case gives exactly the expected verdicts and chains. */
export function testPhi(title: string, cases: PhiCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      for (const form of forms(c)) {
        it(`${c.name} (${form.uri.split('/').pop()})`, () => {
          const phi = verdictsOf(form.text, form.uri, c.mode, c.settings);
          const actual: Record<string, string[]> = {};
          for (const id of Object.keys(c.expect)) {
            const v = phi[id];
            assert.ok(v, `no verdict for ${id}; resources: ${Object.keys(phi).join(', ')}`);
            actual[id] = [v.verdict, ...v.chain.map((s) => `${s.resource}@${s.path.join('.')}`)];
          }
          assert.deepEqual(actual, c.expect);
          for (const [id, text] of Object.entries(c.why ?? {})) {
            const last = phi[id].chain[phi[id].chain.length - 1];
            assert.ok(last?.why.includes(text), `${id}: "${last?.why}" does not contain "${text}"`);
          }
          for (const id of c.protectsPhi ?? []) assert.equal(phi[id].protectsPhi, true, `${id} protects PHI`);
        });
      }
    }
  });
}
