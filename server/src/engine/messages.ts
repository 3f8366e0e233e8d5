/** Message templates split once into literal text and placeholder names: `[text, name, text, …, text]`. */
const compiled = new Map<string, string[]>();

/** Fill `{name}` placeholders; unknown placeholders stay as they are. */
export function formatMessage(template: string, data: Record<string, string>): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (compiled.size < 5_000) compiled.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += (parts[i] in data ? data[parts[i]] : `{${parts[i]}}`) + parts[i + 1];
  return out;
}
