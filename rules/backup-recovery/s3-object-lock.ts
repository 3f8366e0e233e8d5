import { defineRule, evaluate, expect, isTrue, oneOfValues, type FixIntent, type Resource, type RuleContext, type RuleResult } from '../kit';
import { asUnknown, isTerraform } from '../kit';

const ENABLED = oneOfValues('Enabled');

export default defineRule({
  id: 's3-object-lock',
  title: 'S3 bucket that may hold PHI records does not use Object Lock',
  category: 'backup-recovery',
  severity: 'info',
  hipaa: ['164.312(c)(1)', '164.312(c)(2)'],
  controls: ['s3-object-lock'],
  appliesTo: { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] },
  responsibility: {
    aws: 'S3 Object Lock stores object versions write-once-read-many and refuses to delete or overwrite them until their retention ends.',
    customer: 'Decide which PHI records must be immutable (audit trails, signed records, backups), turn Object Lock on for those buckets and set the retention mode and period.',
  },
  messages: {
    notEnabled: 'Bucket {resource} does not use Object Lock (ObjectLockEnabled is not true); its objects can be overwritten or deleted by anyone allowed to write.',
    noConfiguration: 'Bucket {resource} turns Object Lock on but ObjectLockConfiguration.ObjectLockEnabled is not "Enabled".',
    unknown: 'Object Lock on bucket {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notEnabled: 'Bucket {resource} does not use Object Lock (object_lock_enabled is not true); its objects can be overwritten or deleted by anyone allowed to write.',
  },
  limits: 'Advice: Object Lock suits records that must never change, and it conflicts with erasure requests and with lifecycle expiry inside the retention period; whether a bucket needs it is a policy decision. Default retention rules and legal holds are not checked.',
  check(bucket: Resource, ctx: RuleContext): RuleResult[] {
    if (isTerraform(bucket)) {
      if (evaluate(ctx.get(bucket, ['object_lock_configuration', 0, 'object_lock_enabled']).resolved, ENABLED).outcome === 'pass') return [];
      return expect(ctx, bucket, 'object_lock_enabled', isTrue, { messageId: 'notEnabled' }).map(asUnknown);
    }
    const fixes: FixIntent[] = [
      {
        title: 'Turn on S3 Object Lock (replaces the bucket)',
        safe: false,
        consequence: 'replaces the bucket with a new, empty one',
        edits: [
          { op: 'set', path: [...bucket.propertiesPath, 'ObjectLockEnabled'], value: true },
          { op: 'set', path: [...bucket.propertiesPath, 'ObjectLockConfiguration', 'ObjectLockEnabled'], value: 'Enabled' },
        ],
      },
    ];
    const flag = expect(ctx, bucket, 'ObjectLockEnabled', isTrue, { messageId: 'notEnabled', fixes }).map(asUnknown);
    if (flag.length) return flag;
    return expect(ctx, bucket, 'ObjectLockConfiguration.ObjectLockEnabled', ENABLED, { messageId: 'noConfiguration', fixes: [{ ...fixes[0], title: 'Enable the Object Lock configuration', safe: true, consequence: undefined, edits: [fixes[0].edits[1]] }] }).map(asUnknown);
  },
});
