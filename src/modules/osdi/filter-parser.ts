// The OSDI `filter` parameter: the OData subset OSDI 1.2 names (eq ne gt ge lt le, and, or, parentheses),
// strings in single quotes ('' escapes a quote), bare integers, true/false/null, sub-properties with `/`.
// Parsing is pure: the result is a small tree that a resource's field map compiles to SQL.

export type FilterOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type FilterValue = string | number | boolean | null;

export type FilterNode =
  | { kind: 'compare'; field: string; op: FilterOperator; value: FilterValue }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode };

/** A filter the caller wrote wrong: the message quotes what was sent and where. */
export class FilterSyntaxError extends Error {}

export const filterLimits = { maxLength: 2000, maxComparisons: 25, maxDepth: 10 };

const operators = new Set<FilterOperator>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

type Token =
  | { type: 'word'; text: string; at: number }
  | { type: 'string'; text: string; at: number }
  | { type: 'number'; value: number; at: number }
  | { type: '(' | ')'; at: number };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c, at: i });
      i++;
    } else if (c === "'") {
      const start = i;
      let text = '';
      i++;
      for (;;) {
        if (i >= input.length) throw new FilterSyntaxError(`Unterminated string starting at position ${start + 1}`);
        if (input[i] === "'") {
          if (input[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += input[i];
        i++;
      }
      tokens.push({ type: 'string', text, at: start });
    } else if (/[-0-9]/.test(c)) {
      const m = /^-?\d+(\.\d+)?/.exec(input.slice(i));
      if (!m) throw new FilterSyntaxError(`Unexpected "${c}" at position ${i + 1}`);
      const value = Number(m[0]);
      if (!Number.isSafeInteger(Math.trunc(value))) throw new FilterSyntaxError(`Number ${m[0]} is out of range`);
      tokens.push({ type: 'number', value, at: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*/.exec(input.slice(i))!;
      tokens.push({ type: 'word', text: m[0], at: i });
      i += m[0].length;
    } else {
      throw new FilterSyntaxError(`Unexpected "${c}" at position ${i + 1}`);
    }
  }
  return tokens;
}

/** Parses a filter expression; throws FilterSyntaxError with a message for the caller. */
export function parseFilter(input: string): FilterNode {
  if (input.length > filterLimits.maxLength) {
    throw new FilterSyntaxError(`The filter is longer than ${filterLimits.maxLength} characters`);
  }
  const tokens = tokenize(input);
  if (tokens.length === 0) throw new FilterSyntaxError('The filter is empty');
  let pos = 0;
  let comparisons = 0;
  const peek = () => tokens[pos];
  const where = (t: Token | undefined) => (t ? `at position ${t.at + 1}` : 'at the end');
  const isKeyword = (t: Token | undefined, word: string) => t?.type === 'word' && t.text.toLowerCase() === word;

  function expression(depth: number): FilterNode {
    if (depth > filterLimits.maxDepth) throw new FilterSyntaxError('The filter nests parentheses too deeply');
    let left = conjunction(depth);
    while (isKeyword(peek(), 'or')) {
      pos++;
      left = { kind: 'or', left, right: conjunction(depth) };
    }
    return left;
  }

  function conjunction(depth: number): FilterNode {
    let left = primary(depth);
    while (isKeyword(peek(), 'and')) {
      pos++;
      left = { kind: 'and', left, right: primary(depth) };
    }
    return left;
  }

  function primary(depth: number): FilterNode {
    const t = peek();
    if (t?.type === '(') {
      pos++;
      const inner = expression(depth + 1);
      if (peek()?.type !== ')') throw new FilterSyntaxError(`Expected ")" ${where(peek())}`);
      pos++;
      return inner;
    }
    if (t?.type !== 'word') throw new FilterSyntaxError(`Expected a field name ${where(t)}`);
    pos++;
    const opToken = peek();
    const op = opToken?.type === 'word' ? (opToken.text.toLowerCase() as FilterOperator) : undefined;
    if (!op || !operators.has(op)) {
      throw new FilterSyntaxError(`Expected an operator (eq, ne, gt, ge, lt, le) after "${t.text}" ${where(opToken)}`);
    }
    pos++;
    const v = peek();
    let value: FilterValue;
    if (v?.type === 'string') value = v.text;
    else if (v?.type === 'number') value = v.value;
    else if (v?.type === 'word' && ['true', 'false', 'null'].includes(v.text.toLowerCase())) {
      const w = v.text.toLowerCase();
      value = w === 'null' ? null : w === 'true';
    } else {
      throw new FilterSyntaxError(`Expected a value ('text', a number, true, false or null) ${where(v)}`);
    }
    pos++;
    comparisons++;
    if (comparisons > filterLimits.maxComparisons) {
      throw new FilterSyntaxError(`The filter has more than ${filterLimits.maxComparisons} comparisons`);
    }
    return { kind: 'compare', field: t.text, op, value };
  }

  const tree = expression(0);
  if (pos < tokens.length) throw new FilterSyntaxError(`Unexpected text ${where(tokens[pos])}`);
  return tree;
}

/** Every comparison in the tree, left to right. */
export function comparisons(node: FilterNode): Extract<FilterNode, { kind: 'compare' }>[] {
  return node.kind === 'compare' ? [node] : [...comparisons(node.left), ...comparisons(node.right)];
}
