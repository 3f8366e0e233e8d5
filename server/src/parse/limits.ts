/** Budgets at every point where input can blow up. Hitting one is a problem, never a crash or a hang. */
export interface Budgets {
  /** Largest YAML or JSON template we read, in characters. CloudFormation itself stops at 1 MB. */
  maxTemplateChars: number;
  /** Largest Terraform plan, in characters. Large estates produce tens of MB. */
  maxPlanChars: number;
  /** Nodes that alias expansion may produce in one document (defeats "billion laughs"). */
  maxAliasNodes: number;
  /** Deepest nesting of maps and sequences. */
  maxDepth: number;
  /** Longest chain of references followed while resolving a value. */
  maxReferenceDepth: number;
  /** Deepest PHI propagation chain. */
  maxPhiDepth: number;
}

export const DEFAULT_BUDGETS: Budgets = {
  maxTemplateChars: 8 * 1024 * 1024,
  maxPlanChars: 256 * 1024 * 1024,
  maxAliasNodes: 100_000,
  maxDepth: 256,
  maxReferenceDepth: 32,
  maxPhiDepth: 16,
};
