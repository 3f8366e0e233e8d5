import { asUnknown, defineRule, expect, isFalse, isTerraform, oneOf, setFix, type Resource, type RuleContext, type RuleResult } from '../kit';

export default defineRule({
  id: 'msk-encrypted',
  title: 'MSK cluster that may carry PHI lets data move between clients and brokers, or between brokers, without TLS',
  category: 'encryption-at-rest',
  severity: 'error',
  hipaa: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  controls: ['msk-encrypted'],
  appliesTo: { cloudformation: ['AWS::MSK::Cluster'], terraform: ['aws_msk_cluster'] },
  responsibility: {
    aws: 'MSK always encrypts broker storage with KMS (the AWS managed aws/kafka key unless another is named) and defaults to TLS between clients and brokers and inside the cluster.',
    customer: 'Keep client-broker traffic TLS only and in-cluster encryption on, and name a customer managed key for the data volumes when key control is needed.',
  },
  messages: {
    clientPlaintext: 'MSK cluster {resource} accepts plaintext client connections (ClientBroker is {value}); records with PHI can cross the network unencrypted.',
    inClusterOff: 'MSK cluster {resource} replicates data between brokers without TLS (InCluster is false).',
    unknown: 'Encryption settings of MSK cluster {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    clientPlaintext: 'MSK cluster {resource} accepts plaintext client connections (encryption_info.encryption_in_transit.client_broker is {value}); records with PHI can cross the network unencrypted.',
    inClusterOff: 'MSK cluster {resource} replicates data between brokers without TLS (encryption_info.encryption_in_transit.in_cluster is false).',
  },
  limits: 'At-rest encryption of broker storage is always on; whether the data volume key is customer managed (DataVolumeKMSKeyId) is not required by this rule.',
  check(cluster: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(cluster);
    const transit = tf ? ['encryption_info', 0, 'encryption_in_transit', 0] : ['EncryptionInfo', 'EncryptionInTransit'];
    const clientPath = [...transit, tf ? 'client_broker' : 'ClientBroker'];
    const inClusterPath = [...transit, tf ? 'in_cluster' : 'InCluster'];
    const client = ctx.get(cluster, clientPath);
    const value = client.resolved.kind === 'known' ? String(client.resolved.value) : 'not TLS';
    const results = expect(ctx, cluster, clientPath, (v) => v === null || oneOf(v, 'TLS'), {
      messageId: 'clientPlaintext',
      absentPasses: true,
      data: { value },
      fixes: setFix(cluster, clientPath, 'TLS', 'Accept only TLS client connections', { safe: false, consequence: 'clients that connect in plaintext can no longer connect' }),
    });
    results.push(
      ...expect(ctx, cluster, inClusterPath, (v) => !isFalse(v), {
        messageId: 'inClusterOff',
        absentPasses: true,
        fixes: setFix(cluster, inClusterPath, true, 'Encrypt traffic between brokers', { safe: false, consequence: 'replaces the MSK cluster' }),
      }),
    );
    return results.map(asUnknown);
  },
});
