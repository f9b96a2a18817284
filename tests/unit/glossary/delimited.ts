/**
 * A strict reader of delimited text (RFC 4180, with the delimiter as a
 * parameter), written for the tests independently of the exporters: quoted
 * fields may hold delimiters, quotes (doubled) and line breaks; a quote
 * anywhere else, or an unterminated quote, is an error.
 */
export function parseDelimited(text: string, delimiter: string, lineBreak: "\n" | "\r\n"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let position = 0;
  let quoted = false;
  let fieldStart = true;
  while (position < text.length) {
    const char = text[position]!;
    if (quoted) {
      if (char === '"' && text[position + 1] === '"') {
        field += '"';
        position += 2;
      } else if (char === '"') {
        quoted = false;
        position += 1;
        const next = text.slice(position, position + lineBreak.length);
        if (position < text.length && text[position] !== delimiter && next !== lineBreak) throw new Error(`text after a closing quote at ${position}`);
      } else {
        field += char;
        position += 1;
      }
      continue;
    }
    if (char === '"') {
      if (!fieldStart) throw new Error(`a quote inside an unquoted field at ${position}`);
      quoted = true;
      fieldStart = false;
      position += 1;
    } else if (char === delimiter) {
      row.push(field);
      field = "";
      fieldStart = true;
      position += 1;
    } else if (text.startsWith(lineBreak, position)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      fieldStart = true;
      position += lineBreak.length;
    } else {
      if (char === "\r" || char === "\n") throw new Error(`a bare line break at ${position}`);
      field += char;
      fieldStart = false;
      position += 1;
    }
  }
  if (quoted) throw new Error("an unterminated quoted field");
  if (!fieldStart || row.length > 0) throw new Error("the last record has no line break");
  return rows;
}
