import { strict as assert } from 'assert';
import type { Edge } from '../../rules/kit/rule';
import { EngineContext } from '../../server/src/engine/context';
import { defaultConfig } from '../../server/src/engine/config';
import { lint } from '../../server/src/engine/lint';
import { DEFAULT_BUDGETS } from '../../server/src/parse/limits';
import { computePhi } from '../../server/src/phi';
import { plan, type PlanResource } from '../rules/plan-builder';

// The PHI stage walks the reference edges; it must do so a bounded number of times, not once per resource
// (role access and keys behind an alias once filtered every edge for every resource). Counted, not timed.

/** One copy: a PHI bucket read by a function whose role's policy names it, and a PHI queue encrypted through a key alias. */
function copy(k: number): PlanResource[] {
  const ref = (address: string, attribute: string) => [`${address}.${attribute}`, address];
  return [
    { address: `aws_s3_bucket.phi${k}`, values: { bucket: `phi-${k}`, tags: { DataClassification: 'PHI' } } },
    { address: `aws_kms_key.key${k}`, values: { description: `key ${k}` } },
    { address: `aws_kms_alias.alias${k}`, values: { name: `alias/phi-${k}` }, refs: { target_key_id: ref(`aws_kms_key.key${k}`, 'key_id') } },
    { address: `aws_sqs_queue.phi${k}`, values: { name: `phi-${k}`, tags: { DataClassification: 'PHI' } }, refs: { kms_master_key_id: ref(`aws_kms_alias.alias${k}`, 'arn') } },
    { address: `aws_iam_role.fn${k}`, values: { name: `fn-${k}` } },
    { address: `aws_iam_role_policy.fn${k}`, values: { name: `read-${k}` }, refs: { role: ref(`aws_iam_role.fn${k}`, 'id'), policy: ref(`aws_s3_bucket.phi${k}`, 'arn') } },
    { address: `aws_lambda_function.fn${k}`, values: { function_name: `fn-${k}` }, refs: { role: ref(`aws_iam_role.fn${k}`, 'arn') } },
  ];
}

/** Edge reads by the PHI stage over `copies` copies, and the verdicts it gave the first copy. */
function phiWork(copies: number): { reads: number; first: Record<string, string> } {
  const analysis = lint(JSON.stringify(plan(...[...Array(copies).keys()].flatMap(copy))), 'file:///plan.json');
  const model = analysis.model!;
  let reads = 0;
  const counted = new Proxy(model.edges, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  }) as Edge[];
  const probe = new EngineContext(model, {}, DEFAULT_BUDGETS.maxReferenceDepth);
  const verdicts = computePhi({ model: { ...model, edges: counted }, resolver: probe.resolver, settings: defaultConfig().phi, maxDepth: DEFAULT_BUDGETS.maxPhiDepth });
  const first = Object.fromEntries(Object.entries(verdicts).filter(([id]) => /\D0$/.test(id)).map(([id, v]) => [id, v.verdict + (v.protectsPhi ? ' (protects PHI)' : '')]));
  return { reads, first };
}

describe('PHI stage over many copies of a plan', () => {
  it('reads the edges a bounded number of times: 4× the copies, at most 4.6× the reads', () => {
    const small = phiWork(10);
    const large = phiWork(40);
    assert.ok(large.reads <= 4.6 * small.reads, `${small.reads} edge reads for 10 copies, ${large.reads} for 40`);
  });

  it('still follows the data: the function reads the bucket’s PHI, the key behind the alias protects the queue’s', () => {
    assert.deepEqual(phiWork(3).first, {
      'aws_s3_bucket.phi0': 'phi',
      'aws_kms_key.key0': 'phi (protects PHI)',
      'aws_kms_alias.alias0': 'no-phi',
      'aws_sqs_queue.phi0': 'phi',
      'aws_iam_role.fn0': 'no-phi',
      'aws_iam_role_policy.fn0': 'no-phi',
      'aws_lambda_function.fn0': 'phi',
    });
  });
});
