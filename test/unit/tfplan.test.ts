import { strict as assert } from 'assert';
import type { Edge } from '../../rules/kit/rule';
import type { Resource } from '../../rules/kit/types';
import { parseJson } from '../../server/src/parse/json';
import { buildPlanModel } from '../../server/src/model/tfplan';

function build(plan: unknown) {
  return buildPlanModel(parseJson(JSON.stringify(plan)));
}

function resource(model: ReturnType<typeof build>, id: string): Resource {
  const r = model.byId.get(id);
  assert.ok(r, `resource ${id} missing`);
  return r;
}

const PV = ['planned_values', 'root_module'] as const;

/** A plan with count, for_each, a data source, a delete, a deposed object and two levels of modules. */
const PLAN = {
  format_version: '1.2',
  variables: { region: { value: 'us-east-1' }, db_password: { value: 'hunter2' } },
  planned_values: {
    root_module: {
      resources: [
        { address: 'aws_kms_key.k', mode: 'managed', type: 'aws_kms_key', name: 'k', values: { enable_key_rotation: true }, sensitive_values: {} },
        { address: 'aws_s3_bucket.b[0]', mode: 'managed', type: 'aws_s3_bucket', name: 'b', index: 0, values: { bucket: 'phi-0', tags: { Name: 'secret-name' } }, sensitive_values: { tags: {} } },
        { address: 'aws_s3_bucket.b[1]', mode: 'managed', type: 'aws_s3_bucket', name: 'b', index: 1, values: { bucket: 'phi-1' }, sensitive_values: {} },
        { address: 'aws_s3_bucket.fe["logs"]', mode: 'managed', type: 'aws_s3_bucket', name: 'fe', index: 'logs', values: { bucket: 'logs' }, sensitive_values: {} },
        {
          address: 'aws_s3_bucket_server_side_encryption_configuration.sse',
          mode: 'managed',
          type: 'aws_s3_bucket_server_side_encryption_configuration',
          name: 'sse',
          values: { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] },
          sensitive_values: { rule: [{ apply_server_side_encryption_by_default: [{}] }] },
        },
        { address: 'data.aws_caller_identity.me', mode: 'data', type: 'aws_caller_identity', name: 'me', values: { account_id: '123456789012' }, sensitive_values: {} },
        { address: 'aws_s3_bucket.old', mode: 'managed', type: 'aws_s3_bucket', name: 'old', values: { bucket: 'old' }, sensitive_values: {} },
      ],
      child_modules: [
        {
          address: 'module.db',
          resources: [
            { address: 'module.db.aws_db_instance.main[0]', mode: 'managed', type: 'aws_db_instance', name: 'main', index: 0, values: { storage_encrypted: true, password: 'hunter2' }, sensitive_values: { password: true } },
            { address: 'module.db.aws_db_subnet_group.sg', mode: 'managed', type: 'aws_db_subnet_group', name: 'sg', values: { name: 'sg' }, sensitive_values: {} },
          ],
          child_modules: [
            {
              address: 'module.db.module.logs',
              resources: [{ address: 'module.db.module.logs.aws_cloudwatch_log_group.lg', mode: 'managed', type: 'aws_cloudwatch_log_group', name: 'lg', values: { name: '/db' }, sensitive_values: {} }],
            },
          ],
        },
      ],
    },
  },
  resource_changes: [
    { address: 'aws_kms_key.k', mode: 'managed', type: 'aws_kms_key', name: 'k', change: { actions: ['create'], after_unknown: { arn: true, id: true, key_id: true, enable_key_rotation: false }, after_sensitive: {} } },
    { address: 'aws_s3_bucket.b[0]', mode: 'managed', type: 'aws_s3_bucket', name: 'b', index: 0, change: { actions: ['create'], after_unknown: { id: true, arn: true, tags: {} }, after_sensitive: { tags: { Name: true } } } },
    // A deposed object being destroyed must not hide the live instance.
    { address: 'aws_s3_bucket.b[1]', mode: 'managed', type: 'aws_s3_bucket', name: 'b', index: 1, deposed: 'abcd1234', change: { actions: ['delete'], after: null } },
    {
      address: 'aws_s3_bucket_server_side_encryption_configuration.sse',
      change: { actions: ['create'], after_unknown: { id: true, bucket: true, rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: true, sse_algorithm: false }] }] } },
    },
    { address: 'aws_s3_bucket.old', mode: 'managed', type: 'aws_s3_bucket', name: 'old', change: { actions: ['delete'], before: { bucket: 'old' }, after: null } },
    { address: 'module.db.aws_db_instance.main[0]', module_address: 'module.db', change: { actions: ['create'], after_unknown: {}, after_sensitive: { password: true, tags: { Name: true } } } },
  ],
  configuration: {
    root_module: {
      variables: { region: {}, db_password: { sensitive: true } },
      resources: [
        { address: 'aws_kms_key.k', mode: 'managed', type: 'aws_kms_key', name: 'k', expressions: { enable_key_rotation: { constant_value: true } } },
        { address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', count_expression: { constant_value: 2 }, expressions: { bucket: { constant_value: 'phi' } } },
        {
          address: 'aws_s3_bucket_server_side_encryption_configuration.sse',
          mode: 'managed',
          type: 'aws_s3_bucket_server_side_encryption_configuration',
          name: 'sse',
          expressions: {
            bucket: { references: ['aws_s3_bucket.b[0].id', 'aws_s3_bucket.b[0]', 'aws_s3_bucket.b'] },
            rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: { references: ['aws_kms_key.k.arn', 'aws_kms_key.k'] }, sse_algorithm: { constant_value: 'aws:kms' } }] }],
          },
          depends_on: ['aws_s3_bucket.fe'],
        },
        {
          address: 'aws_s3_bucket.fe',
          mode: 'managed',
          type: 'aws_s3_bucket',
          name: 'fe',
          for_each_expression: { constant_value: ['logs'] },
          expressions: { tags: { references: ['data.aws_caller_identity.me.account_id', 'data.aws_caller_identity.me', 'local.tags'] } },
        },
        { address: 'data.aws_caller_identity.me', mode: 'data', type: 'aws_caller_identity', name: 'me' },
      ],
      module_calls: {
        db: {
          source: './db',
          expressions: { kms_key_arn: { references: ['aws_kms_key.k.arn', 'aws_kms_key.k'] }, password: { references: ['var.db_password'] } },
          module: {
            resources: [
              {
                address: 'aws_db_instance.main',
                mode: 'managed',
                type: 'aws_db_instance',
                name: 'main',
                count_expression: { constant_value: 1 },
                expressions: {
                  kms_key_id: { references: ['var.kms_key_arn'] },
                  password: { references: ['var.password'] },
                  log_group_arn: { references: ['module.logs.group_arn'] },
                  db_subnet_group_name: { references: ['aws_db_subnet_group.sg.name', 'aws_db_subnet_group.sg'] },
                },
              },
              { address: 'aws_db_subnet_group.sg', mode: 'managed', type: 'aws_db_subnet_group', name: 'sg', expressions: { name: { constant_value: 'sg' } } },
            ],
            module_calls: {
              logs: {
                source: './logs',
                expressions: { key: { references: ['var.kms_key_arn'] } },
                module: {
                  resources: [{ address: 'aws_cloudwatch_log_group.lg', mode: 'managed', type: 'aws_cloudwatch_log_group', name: 'lg', expressions: { kms_key_id: { references: ['var.key'] } } }],
                  outputs: { group_arn: { expression: { references: ['aws_cloudwatch_log_group.lg.arn', 'aws_cloudwatch_log_group.lg'] } } },
                },
              },
            },
          },
        },
      },
    },
  },
};

describe('buildPlanModel (Terraform JSON plans)', () => {
  const model = build(PLAN);

  it('fills the template-level fields', () => {
    assert.equal(model.family, 'terraform-plan');
    assert.equal(model.format, 'json');
    assert.equal(model.usesShortTags, false);
    assert.deepEqual(model.resourcesPath, []);
    assert.equal(model.conditions.size, 0);
    assert.ok(model.root);
  });

  it('reads resources from the root and from nested child modules, leaving out delete-only ones', () => {
    assert.deepEqual(
      model.resources.map((r) => r.id),
      [
        'aws_kms_key.k',
        'aws_s3_bucket.b[0]',
        'aws_s3_bucket.b[1]',
        'aws_s3_bucket.fe["logs"]',
        'aws_s3_bucket_server_side_encryption_configuration.sse',
        'data.aws_caller_identity.me',
        'module.db.aws_db_instance.main[0]',
        'module.db.aws_db_subnet_group.sg',
        'module.db.module.logs.aws_cloudwatch_log_group.lg',
      ],
    );
    assert.equal(model.byId.has('aws_s3_bucket.old'), false);
    assert.equal(model.byId.size, model.resources.length);
    for (const r of model.resources) assert.equal(r.family, 'terraform-plan');
  });

  it('gives absolute paths and the values map as properties', () => {
    const sse = resource(model, 'aws_s3_bucket_server_side_encryption_configuration.sse');
    assert.deepEqual(sse.path, [...PV, 'resources', 4]);
    assert.deepEqual(sse.propertiesPath, [...PV, 'resources', 4, 'values']);
    assert.equal(sse.type, 'aws_s3_bucket_server_side_encryption_configuration');
    assert.equal(sse.properties?.kind, 'map');
    assert.deepEqual(sse.properties?.entries.map((e) => e.key), ['rule']);

    const main = resource(model, 'module.db.aws_db_instance.main[0]');
    assert.deepEqual(main.path, [...PV, 'child_modules', 0, 'resources', 0]);
    assert.deepEqual(main.propertiesPath, [...PV, 'child_modules', 0, 'resources', 0, 'values']);
    const lg = resource(model, 'module.db.module.logs.aws_cloudwatch_log_group.lg');
    assert.deepEqual(lg.path, [...PV, 'child_modules', 0, 'child_modules', 0, 'resources', 0]);
    assert.deepEqual(lg.propertiesPath, [...PV, 'child_modules', 0, 'child_modules', 0, 'resources', 0, 'values']);
  });

  it('fills TerraformInfo: module path, name, count and for_each index, mode', () => {
    const main = resource(model, 'module.db.aws_db_instance.main[0]').terraform!;
    assert.equal(main.address, 'module.db.aws_db_instance.main[0]');
    assert.equal(main.modulePath, 'module.db');
    assert.equal(main.name, 'main');
    assert.equal(main.index, 0);
    assert.equal(main.mode, 'managed');

    const lg = resource(model, 'module.db.module.logs.aws_cloudwatch_log_group.lg').terraform!;
    assert.equal(lg.modulePath, 'module.db.module.logs');
    assert.equal(lg.name, 'lg');
    assert.equal('index' in lg, false);

    const b1 = resource(model, 'aws_s3_bucket.b[1]').terraform!;
    assert.equal(b1.index, 1);
    assert.equal(b1.modulePath, '');
    const fe = resource(model, 'aws_s3_bucket.fe["logs"]').terraform!;
    assert.equal(fe.index, 'logs');
    assert.equal(fe.name, 'fe');

    const me = resource(model, 'data.aws_caller_identity.me');
    assert.equal(me.type, 'aws_caller_identity');
    assert.equal(me.terraform!.mode, 'data');
  });

  it('flattens after_unknown into unknownPaths', () => {
    assert.deepEqual(resource(model, 'aws_kms_key.k').terraform!.unknownPaths, new Set(['arn', 'id', 'key_id']));
    assert.deepEqual(resource(model, 'aws_s3_bucket.b[0]').terraform!.unknownPaths, new Set(['id', 'arn']));
    assert.deepEqual(resource(model, 'aws_s3_bucket.b[1]').terraform!.unknownPaths, new Set());
    assert.deepEqual(
      resource(model, 'aws_s3_bucket_server_side_encryption_configuration.sse').terraform!.unknownPaths,
      new Set(['id', 'bucket', 'rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id']),
    );
  });

  it('merges sensitive_values and after_sensitive into sensitivePaths', () => {
    assert.deepEqual(resource(model, 'aws_s3_bucket.b[0]').terraform!.sensitivePaths, new Set(['tags.Name']));
    assert.deepEqual(resource(model, 'module.db.aws_db_instance.main[0]').terraform!.sensitivePaths, new Set(['password', 'tags.Name']));
    assert.deepEqual(resource(model, 'aws_kms_key.k').terraform!.sensitivePaths, new Set());
  });

  it('collects configuration references per attribute, prefixed with the module path', () => {
    assert.deepEqual(resource(model, 'aws_s3_bucket_server_side_encryption_configuration.sse').terraform!.references, {
      bucket: ['aws_s3_bucket.b[0]', 'aws_s3_bucket.b'],
      rule: ['aws_kms_key.k'],
    });
    assert.deepEqual(resource(model, 'aws_s3_bucket.fe["logs"]').terraform!.references, { tags: ['data.aws_caller_identity.me', 'local.tags'] });
    assert.deepEqual(resource(model, 'module.db.aws_db_instance.main[0]').terraform!.references, {
      kms_key_id: ['var.kms_key_arn', 'aws_kms_key.k'],
      password: ['var.password'],
      log_group_arn: ['module.logs.group_arn', 'module.db.module.logs.aws_cloudwatch_log_group.lg'],
      db_subnet_group_name: ['module.db.aws_db_subnet_group.sg'],
    });
    assert.deepEqual(resource(model, 'module.db.module.logs.aws_cloudwatch_log_group.lg').terraform!.references, { kms_key_id: ['var.key', 'aws_kms_key.k'] });
    assert.deepEqual(resource(model, 'aws_kms_key.k').terraform!.references, {});
  });

  it('builds terraform edges, through module variables (two levels) and module outputs', () => {
    const sse = resource(model, 'aws_s3_bucket_server_side_encryption_configuration.sse');
    const fe = resource(model, 'aws_s3_bucket.fe["logs"]');
    const main = resource(model, 'module.db.aws_db_instance.main[0]');
    const lg = resource(model, 'module.db.module.logs.aws_cloudwatch_log_group.lg');
    const expected: Edge[] = [
      { from: 'aws_s3_bucket.fe["logs"]', to: 'data.aws_caller_identity.me', path: [...fe.propertiesPath, 'tags'], kind: 'terraform', attribute: 'account_id' },
      // The bucket's id is unknown until apply: the edge is there all the same, and only to b[0].
      { from: sse.id, to: 'aws_s3_bucket.b[0]', path: [...sse.propertiesPath, 'bucket'], kind: 'terraform', attribute: 'id' },
      { from: sse.id, to: 'aws_kms_key.k', path: [...sse.propertiesPath, 'rule'], kind: 'terraform', attribute: 'arn' },
      { from: main.id, to: 'aws_kms_key.k', path: [...main.propertiesPath, 'kms_key_id'], kind: 'terraform', attribute: 'arn' },
      { from: main.id, to: lg.id, path: [...main.propertiesPath, 'log_group_arn'], kind: 'terraform', attribute: 'arn' },
      { from: main.id, to: 'module.db.aws_db_subnet_group.sg', path: [...main.propertiesPath, 'db_subnet_group_name'], kind: 'terraform', attribute: 'name' },
      { from: lg.id, to: 'aws_kms_key.k', path: [...lg.propertiesPath, 'kms_key_id'], kind: 'terraform', attribute: 'arn' },
    ];
    assert.deepEqual(model.edges, expected);
    assert.ok(resource(model, 'aws_s3_bucket.b[0]').terraform!.unknownPaths.has('id'));
  });

  it('fills dependsOn from configuration depends_on', () => {
    assert.deepEqual(resource(model, 'aws_s3_bucket_server_side_encryption_configuration.sse').dependsOn, ['aws_s3_bucket.fe["logs"]']);
    assert.deepEqual(resource(model, 'aws_kms_key.k').dependsOn, []);
  });

  it('reads variables as parameters, without the value of sensitive ones', () => {
    assert.deepEqual([...model.parameters.keys()], ['region', 'db_password']);
    assert.equal(model.parameters.get('region')!.default, 'us-east-1');
    assert.equal(model.parameters.get('region')!.name, 'region');
    assert.equal(model.parameters.get('db_password')!.default, undefined);
  });

  it('copies no sensitive value out of the tree', () => {
    const json = JSON.stringify(
      { resources: model.resources.map((r) => ({ ...r, properties: undefined, terraform: r.terraform && { ...r.terraform, unknownPaths: [...r.terraform.unknownPaths], sensitivePaths: [...r.terraform.sensitivePaths] } })), edges: model.edges, parameters: [...model.parameters.values()] },
    );
    assert.equal(json.includes('hunter2'), false);
    assert.equal(json.includes('secret-name'), false);
  });
});

describe('buildPlanModel without planned_values', () => {
  it('builds resources from resource_changes[].change.after', () => {
    const model = build({
      format_version: '1.2',
      resource_changes: [
        { address: 'aws_s3_bucket.a', mode: 'managed', type: 'aws_s3_bucket', name: 'a', change: { actions: ['create'], after: { bucket: 'a' }, after_unknown: { id: true }, after_sensitive: { tags: { Owner: true } } } },
        { address: 'aws_s3_bucket.gone', mode: 'managed', type: 'aws_s3_bucket', name: 'gone', change: { actions: ['delete'], before: { bucket: 'gone' }, after: null } },
        { address: 'module.m.aws_kms_key.k[0]', module_address: 'module.m', mode: 'managed', type: 'aws_kms_key', name: 'k', index: 0, change: { actions: ['delete', 'create'], after: { enable_key_rotation: true }, after_unknown: { arn: true } } },
      ],
    });
    assert.deepEqual(model.resources.map((r) => r.id), ['aws_s3_bucket.a', 'module.m.aws_kms_key.k[0]']);
    const a = model.byId.get('aws_s3_bucket.a')!;
    assert.deepEqual(a.path, ['resource_changes', 0]);
    assert.deepEqual(a.propertiesPath, ['resource_changes', 0, 'change', 'after']);
    assert.deepEqual(a.properties?.entries.map((e) => e.key), ['bucket']);
    assert.deepEqual(a.terraform!.unknownPaths, new Set(['id']));
    assert.deepEqual(a.terraform!.sensitivePaths, new Set(['tags.Owner']));
    const k = model.byId.get('module.m.aws_kms_key.k[0]')!;
    assert.deepEqual(k.path, ['resource_changes', 2]);
    assert.equal(k.terraform!.modulePath, 'module.m');
    assert.equal(k.terraform!.index, 0);
    assert.deepEqual(k.terraform!.unknownPaths, new Set(['arn']));
    assert.deepEqual(model.edges, []);
  });
});

describe('buildPlanModel instance matching', () => {
  const bucket = (address: string, name: string, index?: number | string) => ({ address, mode: 'managed', type: 'aws_s3_bucket', name, ...(index === undefined ? {} : { index }), values: {} });
  const policy = (address: string, index?: number | string) => ({ address, mode: 'managed', type: 'aws_s3_bucket_policy', name: 'p', ...(index === undefined ? {} : { index }), values: {} });

  it('links count.index / each.key references to the instance with the same index', () => {
    const model = build({
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [bucket('aws_s3_bucket.b[0]', 'b', 0), bucket('aws_s3_bucket.b[1]', 'b', 1), policy('aws_s3_bucket_policy.p[0]', 0), policy('aws_s3_bucket_policy.p[1]', 1), bucket('aws_s3_bucket.all', 'all')],
        },
      },
      configuration: {
        root_module: {
          resources: [
            { address: 'aws_s3_bucket_policy.p', mode: 'managed', type: 'aws_s3_bucket_policy', name: 'p', expressions: { bucket: { references: ['aws_s3_bucket.b', 'count.index'] } } },
            { address: 'aws_s3_bucket.all', mode: 'managed', type: 'aws_s3_bucket', name: 'all', expressions: { tags: { references: ['aws_s3_bucket.b'] } } },
          ],
        },
      },
    });
    const pv = (i: number) => ['planned_values', 'root_module', 'resources', i, 'values'];
    assert.deepEqual(model.edges, [
      { from: 'aws_s3_bucket_policy.p[0]', to: 'aws_s3_bucket.b[0]', path: [...pv(2), 'bucket'], kind: 'terraform' },
      { from: 'aws_s3_bucket_policy.p[1]', to: 'aws_s3_bucket.b[1]', path: [...pv(3), 'bucket'], kind: 'terraform' },
      // Without an index expression every instance is a target.
      { from: 'aws_s3_bucket.all', to: 'aws_s3_bucket.b[0]', path: [...pv(4), 'tags'], kind: 'terraform' },
      { from: 'aws_s3_bucket.all', to: 'aws_s3_bucket.b[1]', path: [...pv(4), 'tags'], kind: 'terraform' },
    ]);
  });

  it('keeps references inside their own module instance', () => {
    const model = build({
      format_version: '1.2',
      planned_values: {
        root_module: {
          child_modules: [
            { address: 'module.m["x"]', resources: [policy('module.m["x"].aws_s3_bucket_policy.p'), bucket('module.m["x"].aws_s3_bucket.b', 'b')] },
            { address: 'module.m["y"]', resources: [policy('module.m["y"].aws_s3_bucket_policy.p'), bucket('module.m["y"].aws_s3_bucket.b', 'b')] },
          ],
        },
      },
      configuration: {
        root_module: {
          module_calls: {
            m: {
              for_each_expression: { constant_value: ['x', 'y'] },
              module: { resources: [{ address: 'aws_s3_bucket_policy.p', mode: 'managed', type: 'aws_s3_bucket_policy', name: 'p', expressions: { bucket: { references: ['aws_s3_bucket.b.id', 'aws_s3_bucket.b'] } } }] },
            },
          },
        },
      },
    });
    assert.deepEqual(
      model.edges.map((e) => [e.from, e.to, e.attribute]),
      [
        ['module.m["x"].aws_s3_bucket_policy.p', 'module.m["x"].aws_s3_bucket.b', 'id'],
        ['module.m["y"].aws_s3_bucket_policy.p', 'module.m["y"].aws_s3_bucket.b', 'id'],
      ],
    );
    assert.equal(model.byId.get('module.m["y"].aws_s3_bucket.b')!.terraform!.modulePath, 'module.m["y"]');
    assert.deepEqual(model.byId.get('module.m["x"].aws_s3_bucket_policy.p')!.terraform!.references, { bucket: ['module.m["x"].aws_s3_bucket.b'] });
  });
});

describe('buildPlanModel on odd input', () => {
  it('returns zero resources for a malformed plan without throwing', () => {
    for (const plan of [
      { format_version: '1.2', planned_values: 5 },
      { format_version: '1.2', planned_values: 5, resource_changes: 'x', configuration: [], variables: 3 },
      { format_version: '1.2', planned_values: { root_module: { resources: 'no', child_modules: { a: 1 } } } },
      { format_version: '1.2', planned_values: { root_module: { resources: [null, 1, 'x', { address: 5 }, { type: 7 }, { values: {} }] } } },
      { format_version: '1.2', resource_changes: [null, { change: 5 }, { address: 'aws_s3_bucket.a' }, { type: 'aws_s3_bucket', change: { actions: 'create' } }] },
      [1, 2, 3],
      'plan',
    ]) {
      const model = build(plan);
      assert.deepEqual(model.resources, [], JSON.stringify(plan));
      assert.deepEqual(model.edges, []);
      assert.equal(model.family, 'terraform-plan');
    }
    const empty = buildPlanModel(parseJson(''));
    assert.deepEqual(empty.resources, []);
    assert.equal(empty.parameters.size, 0);
  });

  it('tolerates malformed configuration and references', () => {
    const model = build({
      format_version: '1.2',
      planned_values: { root_module: { resources: [{ address: 'aws_s3_bucket.a', mode: 'managed', type: 'aws_s3_bucket', name: 'a', values: 'not a map' }] } },
      resource_changes: [{ address: 'aws_s3_bucket.a', change: { actions: ['create'], after_unknown: 'yes', after_sensitive: [true, { x: true }] } }],
      configuration: {
        root_module: {
          resources: [
            { address: 'aws_s3_bucket.a', mode: 'managed', type: 'aws_s3_bucket', name: 'a', expressions: { x: { references: ['aws_s3_bucket.b["unterminated', '[0]', '', 42, null, 'module', 'var', 'aws_s3_bucket.a'] }, y: 5, z: [null] } },
          ],
          module_calls: { bad: 5, worse: { module: 'x' } },
        },
      },
    });
    assert.deepEqual(model.resources.map((r) => r.id), ['aws_s3_bucket.a']);
    const a = model.byId.get('aws_s3_bucket.a')!;
    assert.equal(a.properties, undefined);
    assert.deepEqual(a.terraform!.unknownPaths, new Set());
    assert.deepEqual(a.terraform!.sensitivePaths, new Set(['[0]', '[1].x']));
    // A self reference makes no edge.
    assert.deepEqual(model.edges, []);
  });

  it('terminates on reference cycles', () => {
    const b = (name: string) => ({ address: `aws_s3_bucket.${name}`, mode: 'managed', type: 'aws_s3_bucket', name, values: {} });
    const model = build({
      format_version: '1.2',
      planned_values: { root_module: { resources: [b('a'), b('b')], child_modules: [{ address: 'module.m', resources: [{ ...b('c'), address: 'module.m.aws_s3_bucket.c' }] }] } },
      configuration: {
        root_module: {
          resources: [
            { address: 'aws_s3_bucket.a', mode: 'managed', type: 'aws_s3_bucket', name: 'a', expressions: { policy: { references: ['aws_s3_bucket.b'] } } },
            { address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', expressions: { policy: { references: ['aws_s3_bucket.a'] } } },
          ],
          module_calls: {
            // var.x feeds on the module's own output, which is var.x again.
            m: {
              expressions: { x: { references: ['module.m.out'] } },
              module: {
                resources: [{ address: 'aws_s3_bucket.c', mode: 'managed', type: 'aws_s3_bucket', name: 'c', expressions: { policy: { references: ['var.x'] } } }],
                outputs: { out: { expression: { references: ['var.x'] } } },
              },
            },
          },
        },
      },
    });
    const pv = (i: number) => ['planned_values', 'root_module', 'resources', i, 'values'];
    assert.deepEqual(model.edges, [
      { from: 'aws_s3_bucket.a', to: 'aws_s3_bucket.b', path: [...pv(0), 'policy'], kind: 'terraform' },
      { from: 'aws_s3_bucket.b', to: 'aws_s3_bucket.a', path: [...pv(1), 'policy'], kind: 'terraform' },
    ]);
    assert.deepEqual(model.byId.get('module.m.aws_s3_bucket.c')!.terraform!.references, { policy: ['var.x'] });
  });
});
