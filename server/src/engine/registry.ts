import { ALL_RULES } from '../../../rules';
import type { Rule } from '../../../rules/kit/rule';
import type { Family } from '../../../rules/kit/types';

/** Rules indexed by resource type, per input family (SAM uses the CloudFormation list). */
export class RuleIndex {
  private readonly cfn = new Map<string, Rule[]>();
  private readonly tf = new Map<string, Rule[]>();
  private readonly wildcard: { cfn: Rule[]; tf: Rule[] } = { cfn: [], tf: [] };

  constructor(readonly rules: readonly Rule[]) {
    for (const rule of rules) {
      for (const t of rule.appliesTo.cloudformation ?? []) add(t === '*' ? undefined : this.cfn, t, rule, this.wildcard.cfn);
      for (const t of rule.appliesTo.terraform ?? []) add(t === '*' ? undefined : this.tf, t, rule, this.wildcard.tf);
    }
  }

  private readonly combined = { cfn: new Map<string, readonly Rule[]>(), tf: new Map<string, readonly Rule[]>() };

  forType(family: Family, type: string): readonly Rule[] {
    const side = family === 'terraform-plan' ? 'tf' : 'cfn';
    let rules = this.combined[side].get(type);
    if (!rules) {
      const own = this[side].get(type) ?? [];
      const any = this.wildcard[side];
      rules = any.length ? [...own, ...any] : own;
      // Bounded: a long editor session can meet any number of custom resource types.
      if (this.combined[side].size < 5000) this.combined[side].set(type, rules);
    }
    return rules;
  }

  byId(id: string): Rule | undefined {
    return this.rules.find((r) => r.id === id);
  }
}

function add(map: Map<string, Rule[]> | undefined, type: string, rule: Rule, wildcard: Rule[]): void {
  if (!map) {
    wildcard.push(rule);
    return;
  }
  const list = map.get(type);
  if (list) list.push(rule);
  else map.set(type, [rule]);
}

let defaultIndex: RuleIndex | undefined;

export function defaultRuleIndex(): RuleIndex {
  defaultIndex ??= new RuleIndex(ALL_RULES);
  return defaultIndex;
}
