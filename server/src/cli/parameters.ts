import * as fs from 'fs';
import * as path from 'path';

/**
 * Parameter values: `Key=Value` pairs, or a file in the `aws cloudformation deploy --parameter-overrides`
 * JSON shape (`["Key=Value"]`, `{"Key": "Value"}`, `{"Parameters": {...}}`, or `[{"ParameterKey", "ParameterValue"}]`).
 */
export function loadParameterValues(specs: string[], cwd: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const file = path.resolve(cwd, spec);
    if (!fs.existsSync(file) && /^[A-Za-z0-9]+=/.test(spec)) {
      addPair(spec, out);
      continue;
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new Error(`--parameters: cannot read ${spec}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      for (const line of text.split(/\r?\n/)) if (line.trim() && !line.trim().startsWith('#')) addPair(line.trim(), out);
      continue;
    }
    const params = data && typeof data === 'object' && !Array.isArray(data) && 'Parameters' in data ? (data as { Parameters: unknown }).Parameters : data;
    if (Array.isArray(params)) {
      for (const item of params) {
        if (typeof item === 'string') addPair(item, out);
        else if (item && typeof item === 'object' && 'ParameterKey' in item) out[String(item.ParameterKey)] = String((item as { ParameterValue?: unknown }).ParameterValue ?? '');
        else throw new Error(`--parameters: ${spec}: unexpected entry ${JSON.stringify(item)}`);
      }
    } else if (params && typeof params === 'object') {
      for (const [k, v] of Object.entries(params)) out[k] = String(v);
    } else throw new Error(`--parameters: ${spec}: expected a list or an object`);
  }
  return out;
}

function addPair(pair: string, out: Record<string, string>): void {
  const eq = pair.indexOf('=');
  if (eq <= 0) throw new Error(`--parameters: "${pair}" is not Key=Value`);
  out[pair.slice(0, eq)] = pair.slice(eq + 1);
}
