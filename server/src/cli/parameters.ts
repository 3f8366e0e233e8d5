import * as fs from 'fs';
import * as path from 'path';
import { addPair, parseParameterText } from '../engine/config-file';

/**
 * `--parameters` values: `Key=Value` pairs, or a file in the `aws cloudformation deploy --parameter-overrides`
 * JSON shape (`["Key=Value"]`, `{"Key": "Value"}`, `{"Parameters": {...}}`, or `[{"ParameterKey", "ParameterValue"}]`).
 */
export function loadParameterValues(specs: string[], cwd: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const file = path.resolve(cwd, spec);
    if (!fs.existsSync(file) && /^[A-Za-z0-9]+=/.test(spec)) {
      addPair(spec, out, '--parameters');
      continue;
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new Error(`--parameters: cannot read ${spec}`);
    }
    Object.assign(out, parseParameterText(text, `--parameters: ${spec}`));
  }
  return out;
}
