import { defineRule, expect, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';
import { asUnknown, isTerraform, itemCount, oneOf, possible, text } from '../kit';

export default defineRule({
  id: 'efs-in-transit',
  title: 'ECS task mounts an EFS file system without TLS',
  category: 'encryption-in-transit',
  severity: 'warning',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['efs-in-transit'],
  appliesTo: { cloudformation: ['AWS::ECS::TaskDefinition'], terraform: ['aws_ecs_task_definition'] },
  responsibility: {
    aws: 'EFS supports TLS on NFS mounts through its mount helper and can refuse unencrypted clients with a file system policy.',
    customer: 'Turn on transit encryption for every EFS volume a task mounts (and, as hardening, deny aws:SecureTransport false in the file system policy).',
  },
  messages: {
    transitOff: 'Task definition {resource} mounts EFS volume {volume} without TLS (TransitEncryption is not ENABLED); file contents cross the network in clear text.',
    unknown: 'Transit encryption of EFS volume {volume} in {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    transitOff: 'Task definition {resource} mounts EFS volume {volume} without TLS (efs_volume_configuration.transit_encryption is not ENABLED); file contents cross the network in clear text.',
  },
  limits: 'Only ECS task mounts are visible in a template; EFS mounts made by instances (user data, fstab) are not, and the optional file system policy that refuses unencrypted clients is not required by this rule.',
  check(task: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(task);
    const keys = tf ? { list: 'volume', config: ['efs_volume_configuration', 0], transit: 'transit_encryption', name: 'name' } : { list: 'Volumes', config: ['EFSVolumeConfiguration'], transit: 'TransitEncryption', name: 'Name' };
    const results: RuleResult[] = [];
    for (let i = 0; i < itemCount(ctx, task, [keys.list]); i++) {
      const config = [keys.list, i, ...keys.config];
      if (!ctx.get(task, config).present) continue;
      const volume = text(possible(ctx.get(task, [keys.list, i, keys.name]).resolved).values[0]) ?? `#${i}`;
      const path = [...config, keys.transit];
      const fixes = setFix(task, path, 'ENABLED', 'Encrypt the EFS mount with TLS', { safe: false, consequence: 'registers a new task definition revision' });
      results.push(...expect(ctx, task, path, (v) => oneOf(v, 'ENABLED'), { messageId: 'transitOff', data: { volume }, fixes }).map(asUnknown));
    }
    return results;
  },
});
