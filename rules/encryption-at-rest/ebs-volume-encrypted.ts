import { asUnknown, defineRule, expect, isTrue, itemCount, setFix, unknownAt, type Path, type Resource, type RuleContext, type RuleResult } from '../kit';

const ROOT_REASON = 'the root volume is created from the AMI, so its encryption follows the AMI snapshot and the account setting for EBS encryption by default';

export default defineRule({
  id: 'ebs-volume-encrypted',
  title: 'EBS volume or instance block device that may hold PHI is not encrypted',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
  controls: ['ebs-volume-encrypted'],
  appliesTo: {
    cloudformation: ['AWS::EC2::Volume', 'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'],
    terraform: ['aws_ebs_volume', 'aws_instance', 'aws_launch_template', 'aws_launch_configuration'],
  },
  responsibility: {
    aws: 'EBS encrypts a volume, its snapshots and the data moving to the instance with XTS-AES-256 on the host hardware once encryption is requested.',
    customer: 'Request encryption for every volume and block device mapping (or turn on EBS encryption by default in each Region) and choose the KMS key.',
  },
  messages: {
    notEncrypted: 'Volume {resource}{device} is not encrypted: Encrypted is not true.',
    unknown: 'Encryption of volume {resource}{device} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    notEncrypted: 'Volume {resource}{device} is not encrypted: encrypted is not true.',
  },
  limits: 'Whether the AMI or source snapshot is already encrypted, and whether the account encrypts new volumes by default (unless the Terraform plan manages aws_ebs_encryption_by_default), are not visible in a template.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    return resource.family === 'terraform-plan' ? checkTerraform(resource, ctx) : checkCloudFormation(resource, ctx);
  },
});

function checkCloudFormation(resource: Resource, ctx: RuleContext): RuleResult[] {
  switch (resource.type) {
    case 'AWS::EC2::Volume': {
      const fixes = setFix(resource, 'Encrypted', true, 'Encrypt the volume', { safe: false, consequence: 'an existing volume is not encrypted in place: its data must move to a new encrypted volume' });
      return expect(ctx, resource, 'Encrypted', isTrue, { messageId: 'notEncrypted', fixes, data: { device: '' } }).map(asUnknown);
    }
    case 'AWS::EC2::Instance': {
      const results = mappings(ctx, resource, ['BlockDeviceMappings'], { safe: false, consequence: 'replaces the instance' });
      if (itemCount(ctx, resource, ['BlockDeviceMappings']) === 0 && ctx.get(resource, 'BlockDeviceMappings').resolved.kind !== 'unknown') {
        results.push(unknownAt(ctx.get(resource, 'BlockDeviceMappings').present ? ctx.get(resource, 'BlockDeviceMappings').path : resource.propertiesPath, ROOT_REASON, 'unknown', { device: ' (root volume)' }));
      }
      return results;
    }
    case 'AWS::EC2::LaunchTemplate':
      return mappings(ctx, resource, ['LaunchTemplateData', 'BlockDeviceMappings'], { safe: true });
    default:
      return mappings(ctx, resource, ['BlockDeviceMappings'], { safe: false, consequence: 'replaces the launch configuration; running instances keep their volumes' });
  }
}

/** Every EBS block device mapping must set `Ebs.Encrypted: true` (instance-store and NoDevice entries are skipped). */
function mappings(ctx: RuleContext, resource: Resource, base: Path, safety: { safe: boolean; consequence?: string }): RuleResult[] {
  const list = ctx.get(resource, base);
  if (list.resolved.kind === 'unknown') return [unknownAt(list.path, list.resolved.reason, 'unknown', { device: '' })];
  const results: RuleResult[] = [];
  const count = itemCount(ctx, resource, base);
  for (let i = 0; i < count; i++) {
    if (!ctx.get(resource, [...base, i, 'Ebs']).present) continue;
    const device = ctx.get(resource, [...base, i, 'DeviceName']).resolved;
    const data = { device: device.kind === 'known' ? ` (${String(device.value)})` : '' };
    const path = [...base, i, 'Ebs', 'Encrypted'];
    const encrypted = ctx.get(resource, path);
    // Without the flag a volume restored from a snapshot inherits the snapshot's encryption.
    if (!encrypted.present && ctx.get(resource, [...base, i, 'Ebs', 'SnapshotId']).present) {
      results.push(unknownAt(ctx.get(resource, [...base, i, 'Ebs']).path, 'the volume inherits the encryption of its source snapshot', 'unknown', data));
      continue;
    }
    results.push(...expect(ctx, resource, path, isTrue, { messageId: 'notEncrypted', data, fixes: setFix(resource, path, true, 'Encrypt the block device', safety) }).map(asUnknown));
  }
  return results;
}

function checkTerraform(resource: Resource, ctx: RuleContext): RuleResult[] {
  // A plan that turns on EBS encryption by default covers every new volume in the Region.
  const byDefault = ctx.ofType('aws_ebs_encryption_by_default').some((d) => { const r = ctx.get(d, 'enabled').resolved; return r.kind === 'known' && isTrue(r.value); });
  if (byDefault) return [];
  const one = (path: Path, device: string) => expect(ctx, resource, path, isTrue, { messageId: 'notEncrypted', data: { device } }).map(asUnknown);
  switch (resource.type) {
    case 'aws_ebs_volume':
      return one(['encrypted'], '');
    case 'aws_launch_template': {
      const results: RuleResult[] = [];
      for (let i = 0; i < itemCount(ctx, resource, ['block_device_mappings']); i++) {
        if (itemCount(ctx, resource, ['block_device_mappings', i, 'ebs']) === 0) continue;
        const name = ctx.get(resource, ['block_device_mappings', i, 'device_name']).resolved;
        results.push(...one(['block_device_mappings', i, 'ebs', 0, 'encrypted'], name.kind === 'known' && name.value ? ` (${String(name.value)})` : ''));
      }
      return results;
    }
    default: {
      // aws_instance and aws_launch_configuration: the root device and each extra EBS device.
      const root = ctx.get(resource, 'root_block_device');
      const results = root.resolved.kind !== 'unknown' && itemCount(ctx, resource, ['root_block_device']) === 0
        ? [unknownAt(root.present ? root.path : resource.propertiesPath, ROOT_REASON, 'unknown', { device: ' (root volume)' })]
        : one(['root_block_device', 0, 'encrypted'], ' (root volume)');
      for (let i = 0; i < itemCount(ctx, resource, ['ebs_block_device']); i++) {
        const name = ctx.get(resource, ['ebs_block_device', i, 'device_name']).resolved;
        results.push(...one(['ebs_block_device', i, 'encrypted'], name.kind === 'known' && name.value ? ` (${String(name.value)})` : ''));
      }
      return results;
    }
  }
}
