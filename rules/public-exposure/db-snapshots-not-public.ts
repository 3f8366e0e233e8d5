import { defineRule, possible, text, unknownAt, type Resource, type RuleContext, type RuleResult } from '../kit';

export default defineRule({
  id: 'db-snapshots-not-public',
  title: 'Database snapshot that may hold PHI is shared with every AWS account',
  category: 'public-exposure',
  severity: 'error',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['db-snapshots-not-public'],
  appliesTo: { terraform: ['aws_db_snapshot', 'aws_db_cluster_snapshot'] },
  responsibility: {
    aws: 'RDS shares a manual snapshot with exactly the accounts listed; "all" makes it restorable by any AWS account.',
    customer: 'Share snapshots only with named accounts under your control (or not at all); never with "all".',
  },
  messages: {
    sharedWithAll: 'Snapshot {resource} is shared with "all": any AWS account can copy or restore it, with every row it holds.',
    unknown: 'Sharing of snapshot {resource} cannot be verified statically: {reason}.',
  },
  limits: 'CloudFormation cannot share RDS snapshots, so only Terraform plans are checked; sharing done with the CLI or console after deployment is not visible.',
  check(snapshot: Resource, ctx: RuleContext): RuleResult[] {
    const lookup = ctx.get(snapshot, 'shared_accounts');
    const values = possible(lookup.resolved);
    if (values.unknown) return [unknownAt(lookup.path, values.unknown)];
    const accounts = values.values.flatMap((v) => (Array.isArray(v) ? v : [v])).map(text);
    return accounts.some((a) => a?.toLowerCase() === 'all') ? [{ status: 'fail', path: lookup.path, messageId: 'sharedWithAll' }] : [];
  },
});
