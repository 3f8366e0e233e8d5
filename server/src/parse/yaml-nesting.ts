/**
 * Offset of the first line or bracket where YAML nesting passes `limit` levels, or -1. The YAML parser
 * recurses once per level and overflows the stack near a few thousand, so such a file is refused before it
 * is parsed. An estimate in one pass: block levels are the stack of growing indentations (plus compact
 * `- ` items), flow levels are open brackets outside quoted scalars and comments.
 */
export function yamlNestingBeyond(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  let quote = 0; // the open quote character, while inside a quoted scalar
  let i = 0;
  const length = text.length;
  while (i < length) {
    // Start of a line.
    let indent = 0;
    while (text.charCodeAt(i + indent) === 0x20) indent++;
    let p = i + indent;
    const first = text.charCodeAt(p);
    const blank = first === 0x0a || first === 0x0d || first === 0x23 || p >= length;
    if (!blank && flow === 0 && quote === 0) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      let compact = 0;
      while (text.charCodeAt(p) === 0x2d && text.charCodeAt(p + 1) === 0x20) {
        compact++;
        p += 2;
        while (text.charCodeAt(p) === 0x20) p++;
      }
      if (indents.length + compact > limit) return p;
    }
    // The rest of the line: quotes, comments and flow brackets.
    for (; p < length; p++) {
      const c = text.charCodeAt(p);
      if (c === 0x0a) break;
      if (quote) {
        if (c === 0x5c && quote === 0x22) p++;
        else if (c === quote) quote = 0;
        continue;
      }
      const before = p === i ? 0x20 : text.charCodeAt(p - 1);
      const tokenStart = before === 0x20 || before === 0x09 || before === 0x5b || before === 0x7b || before === 0x2c || before === 0x3a || before === 0x2d;
      if ((c === 0x22 || c === 0x27) && tokenStart) quote = c;
      else if (c === 0x23 && (before === 0x20 || before === 0x09 || p === i)) {
        while (p < length && text.charCodeAt(p) !== 0x0a) p++;
        break;
      } else if (c === 0x5b || c === 0x7b) {
        if (++flow + indents.length > limit) return p;
      } else if ((c === 0x5d || c === 0x7d) && flow > 0) flow--;
    }
    i = p + 1;
  }
  return -1;
}
