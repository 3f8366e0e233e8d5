import rule from '../../rules/public-exposure/db-snapshots-not-public';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const snapshot = (values: Record<string, unknown>, unknown?: Record<string, unknown>) => plan({ address: 'aws_db_snapshot.nightly', values: { db_instance_identifier: 'patient-records', db_snapshot_identifier: 'nightly', ...values }, unknown });

testRule(rule, {
  valid: [
    { name: 'not shared', plan: snapshot({ shared_accounts: [] }) },
    { name: 'shared with a named account', plan: snapshot({ shared_accounts: ['111122223333'] }) },
    { name: 'sharing not set', plan: snapshot({}) },
  ],
  invalid: [
    { name: 'shared with all', plan: snapshot({ shared_accounts: ['111122223333', 'all'] }), errors: [{ messageId: 'sharedWithAll', resource: 'aws_db_snapshot.nightly', path: 'planned_values.root_module.resources.0.values.shared_accounts', line: 14 }] },
    { name: 'cluster snapshot shared with all', plan: plan({ address: 'aws_db_cluster_snapshot.weekly', values: { db_cluster_identifier: 'records', shared_accounts: ['all'] } }), errors: [{ messageId: 'sharedWithAll', resource: 'aws_db_cluster_snapshot.weekly', path: 'planned_values.root_module.resources.0.values.shared_accounts', line: 13 }] },
    { name: 'sharing known only after apply', plan: snapshot({}, { shared_accounts: true }), errors: [{ messageId: 'unknown', resource: 'aws_db_snapshot.nightly', path: 'planned_values.root_module.resources.0.values.shared_accounts', line: 11, status: 'unknown' }] },
  ],
});
