import { defineRule, isTerraform, isTrue, possible, targetsOf, targetPath, unknownAt, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';
import { entryOf, isObject } from './policy-support';

export default defineRule({
  id: 'emr-kerberos-and-security-config',
  title: 'EMR cluster that may process PHI has no Kerberos or no encrypting security configuration',
  category: 'access-control',
  severity: 'warning',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(3)(ii)(A)', '164.308(a)(3)(ii)(B)', '164.308(a)(4)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'],
  controls: ['emr-kerberos-and-security-config'],
  appliesTo: { cloudformation: ['AWS::EMR::Cluster'], terraform: ['aws_emr_cluster'] },
  responsibility: {
    aws: 'EMR sets up Kerberos, at-rest and in-transit encryption on the cluster nodes according to the security configuration it is given.',
    customer: 'Launch clusters with Kerberos so every user and service on the cluster authenticates, and with a security configuration that encrypts data at rest and between nodes.',
  },
  messages: {
    noKerberos: 'EMR cluster {resource} has no Kerberos authentication (KerberosAttributes); anyone on the cluster network can act as any Hadoop user.',
    noSecurityConfig: 'EMR cluster {resource} has no security configuration, so local disks, EMRFS data and traffic between nodes are not encrypted.',
    weakSecurityConfig: 'Security configuration {resource}, used by EMR cluster {cluster}, does not enable {missing}.',
    unknown: 'The authentication or encryption settings of EMR cluster {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    noKerberos: 'EMR cluster {resource} has no Kerberos authentication (kerberos_attributes); anyone on the cluster network can act as any Hadoop user.',
  },
  check(cluster: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(cluster);
    const out: RuleResult[] = [];
    const kerberosRel = tf ? ['kerberos_attributes', 0, 'realm'] : ['KerberosAttributes', 'Realm'];
    const kerberos = ctx.get(cluster, kerberosRel);
    const k = possible(kerberos.resolved);
    if (k.unknown && !k.values.length) out.push(unknownAt(kerberos.path, k.unknown));
    else if (!k.values.some((v) => typeof v === 'string' && v !== '')) out.push({ status: 'fail', path: targetPath(cluster, kerberos, tf ? ['kerberos_attributes'] : ['KerberosAttributes']), messageId: 'noKerberos' });

    const prop = tf ? 'security_configuration' : 'SecurityConfiguration';
    const ref = ctx.get(cluster, prop);
    const configType = tf ? 'aws_emr_security_configuration' : 'AWS::EMR::SecurityConfiguration';
    const configs = targetsOf(ctx, cluster, prop, [configType], ['Name']);
    if (configs.length === 0) {
      const p = possible(ref.resolved);
      if (!ref.present && ref.resolved.kind !== 'unknown') out.push({ status: 'fail', path: targetPath(cluster, ref, [prop]), messageId: 'noSecurityConfig' });
      else if (p.unknown) out.push(unknownAt(ref.path, p.unknown));
      else out.push(unknownAt(ref.path, 'the security configuration is not defined in this template'));
      return out;
    }
    for (const config of configs) {
      const doc = ctx.get(config, tf ? 'configuration' : 'SecurityConfiguration');
      const d = possible(doc.resolved);
      if (d.unknown) {
        out.push({ ...unknownAt(doc.path, d.unknown), resourceId: config.id });
        continue;
      }
      const missing = new Set<string>();
      for (const raw of d.values) {
        let value: JsonValue = raw;
        if (typeof raw === 'string') {
          try {
            value = JSON.parse(raw) as JsonValue;
          } catch {
            value = null;
          }
        }
        const enc = isObject(value) ? entryOf(value, 'EncryptionConfiguration') : undefined;
        for (const flag of ['EnableAtRestEncryption', 'EnableInTransitEncryption']) if (!(isObject(enc) && isTrue(entryOf(enc, flag) ?? false))) missing.add(flag);
      }
      if (d.absent) missing.add('EnableAtRestEncryption').add('EnableInTransitEncryption');
      if (missing.size) out.push({ status: 'fail', path: targetPath(config, doc, [tf ? 'configuration' : 'SecurityConfiguration']), messageId: 'weakSecurityConfig', resourceId: config.id, data: { resource: config.id, cluster: cluster.id, missing: [...missing].join(' and ') } });
    }
    return out;
  },
});
