// What is under the cursor: the resource, and the deepest property path whose key or value holds the offset.
import type { Path, Resource, ValueNode } from '../../../rules/kit/types';
import type { TemplateModel } from '../model/model';
import { nodeAt } from '../parse/tree';

export interface Place {
  resource: Resource;
  /** Path relative to the resource's properties ([] = the resource itself). */
  property: Path;
  /** True when the cursor is on the resource's `Type` (or a Terraform resource's type/address). */
  onType: boolean;
}

export function placeAt(model: TemplateModel, offset: number): Place | undefined {
  for (const resource of model.resources) {
    if (resource.implicitFrom) continue;
    const node = nodeAt(model.root, resource.path);
    if (!node || offset < node.span.start || offset > node.span.end) continue;
    if (resource.family !== 'terraform-plan' && node.kind === 'map') {
      const type = node.entries.find((e) => e.key === 'Type');
      if (type && offset >= type.keySpan.start && offset <= type.value.span.end) return { resource, property: [], onType: true };
    } else if (node.kind === 'map') {
      const onType = node.entries.some((e) => (e.key === 'type' || e.key === 'address') && offset >= e.keySpan.start && offset <= e.value.span.end);
      if (onType) return { resource, property: [], onType: true };
    }
    return { resource, property: deepest(resource.properties, offset), onType: false };
  }
  return undefined;
}

function deepest(node: ValueNode | undefined, offset: number): Path {
  const out: (string | number)[] = [];
  let current = node;
  while (current) {
    let next: ValueNode | undefined;
    if (current.kind === 'map') {
      for (const e of current.entries) {
        if ((offset >= e.keySpan.start && offset <= e.keySpan.end) || (offset >= e.value.span.start && offset <= e.value.span.end)) {
          out.push(e.key);
          next = offset >= e.keySpan.start && offset <= e.keySpan.end ? undefined : e.value;
          break;
        }
      }
    } else if (current.kind === 'seq') {
      const i = current.items.findIndex((item) => offset >= item.span.start && offset <= item.span.end);
      if (i >= 0) {
        out.push(i);
        next = current.items[i];
      }
    }
    if (next && (next.kind === 'scalar' || next === current)) break;
    current = next;
  }
  return out;
}
