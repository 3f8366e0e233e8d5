// Builds small Terraform JSON plans (`terraform show -json`) for rule tests: planned values, unknown-after-apply
// attributes and configuration references (which become the model's reference edges).

export interface PlanResource {
  address: string;
  values: Record<string, unknown>;
  /** `after_unknown` tree: attributes known only after apply. */
  unknown?: Record<string, unknown>;
  /** Configuration references by attribute name, e.g. `{ bucket: ['aws_s3_bucket.phi.id', 'aws_s3_bucket.phi'] }`. */
  refs?: Record<string, string[]>;
}

function parts(address: string): { type: string; name: string } {
  const [type, name] = address.split('.');
  return { type, name };
}

export function plan(...resources: PlanResource[]): object {
  return {
    format_version: '1.2',
    planned_values: {
      root_module: { resources: resources.map((r) => ({ address: r.address, mode: 'managed', ...parts(r.address), values: r.values })) },
    },
    resource_changes: resources.map((r) => ({ address: r.address, mode: 'managed', ...parts(r.address), change: { actions: ['create'], after: r.values, after_unknown: r.unknown ?? {} } })),
    configuration: {
      root_module: {
        resources: resources.map((r) => ({
          address: r.address,
          mode: 'managed',
          ...parts(r.address),
          expressions: Object.fromEntries(Object.entries(r.refs ?? {}).map(([k, refs]) => [k, { references: refs }])),
        })),
      },
    },
  };
}
