import { strict as assert } from 'assert';
import { cfnCopies, collectRuleCases, planCopies, ruleWork, templatesByFamily, type Family } from '../harness/template-copies';

// Every rule's work (property lookups, plus resources and edges returned by type and edge queries) over
// SMALL and 4 × SMALL renamed copies of all rule test cases grows at most linearly: 4× plus slack, where a
// rule that scans every resource of a type (or every edge) per resource shows up to 16×. Counted, not timed.

const SMALL = 2;
const LIMIT = 4.6;
const EXEMPT = new Set([
  'cloudtrail-s3-data-events', // buckets × trails by design: AWS allows five trails per Region, but every copy adds trails
]);

const build: Record<Family, (templates: object[], k: number) => { text: string; uri: string }> = {
  cloudformation: (t, k) => ({ text: JSON.stringify(cfnCopies(t, k)), uri: 'file:///copies.json' }),
  sam: (t, k) => ({ text: JSON.stringify(cfnCopies(t, k, true)), uri: 'file:///copies.json' }),
  'terraform-plan': (t, k) => ({ text: JSON.stringify(planCopies(t, k)), uri: 'file:///plan.json' }),
};

describe('every rule works linearly over copies of all rule test cases', function () {
  this.timeout(60_000);
  let collected: ReturnType<typeof templatesByFamily>;
  before(() => {
    collected = templatesByFamily(collectRuleCases());
  });

  for (const family of Object.keys(build) as Family[]) {
    it(`${family}: ${4 * SMALL} copies cost each rule at most ${LIMIT}× what ${SMALL} do`, () => {
      const templates = collected.templates[family];
      const skipped = collected.skipped[family];
      assert.ok(templates.length >= 0.8 * (templates.length + skipped), `${family}: only ${templates.length} of ${templates.length + skipped} cases copied`);
      const work = (k: number) => {
        const { text, uri } = build[family](templates, k);
        return ruleWork(text, uri);
      };
      const small = work(SMALL);
      const large = work(4 * SMALL);
      const superlinear = [...large].filter(([id, b]) => !EXEMPT.has(id) && b > LIMIT * (small.get(id) ?? 0)).map(([id, b]) => `${id}: ${small.get(id) ?? 0} → ${b}`);
      assert.deepEqual(superlinear, [], `rules whose work grew faster than the template:\n${superlinear.join('\n')}`);
      assert.ok(large.size >= 10, `${large.size} rules did work`);
    });
  }
});
