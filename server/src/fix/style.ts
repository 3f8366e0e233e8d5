/** How a file writes itself: line ending, indentation, and (YAML) intrinsic style. */
export interface FileStyle {
  eol: '\n' | '\r\n';
  /** Spaces per level (YAML, JSON with spaces). */
  indent: number;
  /** JSON indented with tabs. */
  tabs: boolean;
  /** YAML: `!Ref X` rather than `Ref: X`. */
  shortTags: boolean;
  /** YAML: sequence items indented under their key (`Key:\n  - a`) rather than flush (`Key:\n- a`). */
  indentedSequences: boolean;
}

export function detectStyle(text: string, shortTags: boolean): FileStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  let tabs = false;
  let indent = 0;
  for (const line of lines) {
    const m = /^([ \t]+)\S/.exec(line);
    if (!m) continue;
    if (m[1].startsWith('\t')) {
      tabs = true;
      break;
    }
    if (indent === 0 || m[1].length < indent) indent = m[1].length;
    if (indent === 2) break;
  }
  let indentedSequences = true;
  for (let i = 1; i < lines.length; i++) {
    const item = /^( *)- /.exec(lines[i]);
    const key = /^( *)[^\s#-][^:]*:\s*$/.exec(lines[i - 1]);
    if (item && key) {
      indentedSequences = item[1].length > key[1].length;
      break;
    }
  }
  return { eol, indent: indent || 2, tabs, shortTags, indentedSequences };
}
