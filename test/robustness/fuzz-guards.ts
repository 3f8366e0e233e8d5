import { ALL_RULES } from '../../rules';
import type { Rule } from '../../rules/kit/rule';
import { RuleIndex } from '../../server/src/engine/registry';

// What the engine does not show by itself: where a rule threw, a write to a shared prototype, the time spent.

/** The engine reports a rule that throws as a rule-error problem with its message only; these rules record the stack in `thrown` first. */
export function watchedRules(thrown: string[]): RuleIndex {
  const watch = (rule: Rule): Rule => ({
    ...rule,
    check(resource, ctx) {
      try {
        return rule.check(resource, ctx);
      } catch (e) {
        thrown.push(`${rule.id} on ${resource.id}: ${(e as Error).stack ?? e}`);
        throw e;
      }
    },
  });
  return new RuleIndex(ALL_RULES.map(watch));
}

const SHARED_PROTOTYPES: Record<string, object> = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype };

/** Watches the prototypes every object shares: a template key `__proto__` written as a property lands there. */
export class PrototypeWatch {
  private readonly before = new Map(Object.entries(SHARED_PROTOTYPES).map(([name, p]) => [name, new Set(Object.keys(p))]));

  /** Keys added since the start, removed again so later cases run clean. */
  takeAdded(): string[] {
    const added: string[] = [];
    for (const [name, prototype] of Object.entries(SHARED_PROTOTYPES)) {
      for (const key of Object.keys(prototype).filter((k) => !this.before.get(name)!.has(k))) {
        added.push(`${name}.prototype.${key}`);
        delete (prototype as Record<string, unknown>)[key];
      }
    }
    return added;
  }
}

export function timed<T>(run: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = run();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}
