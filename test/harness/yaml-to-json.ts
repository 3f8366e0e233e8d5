import { parseYaml } from '../../server/src/parse/yaml';
import { toPlain } from '../../server/src/parse/tree';

/** The JSON twin of a YAML template: short tags become their long form, 2-space indented. */
export function yamlToJson(yaml: string): string {
  const doc = parseYaml(yaml);
  if (doc.issues.length) throw new Error(`test template does not parse: ${doc.issues.map((i) => i.message).join('; ')}`);
  return JSON.stringify(toPlain(doc.root), null, 2) + '\n';
}
