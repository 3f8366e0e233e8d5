// Shared by the S3 backup-recovery rules: Terraform split bucket resources (aws_s3_bucket_versioning,
// aws_s3_bucket_replication_configuration, ...) joined on `bucket`, indexed once per template. Not a rule.
import { targetsOf, type Resource, type RuleContext } from '../kit';

/** The resources of `type` whose `bucket` names `bucket` (configuration reference or literal name/id/ARN). */
export function splitResourcesOf(ctx: RuleContext, bucket: Resource, type: string): Resource[] {
  const index = ctx.memo(`backup-recovery:split:${type}`, () => {
    const byBucket = new Map<string, Resource[]>();
    for (const split of ctx.ofType(type)) {
      for (const target of targetsOf(ctx, split, 'bucket', ['aws_s3_bucket'])) {
        const list = byBucket.get(target.id) ?? [];
        list.push(split);
        byBucket.set(target.id, list);
      }
    }
    return byBucket;
  });
  return index.get(bucket.id) ?? [];
}
