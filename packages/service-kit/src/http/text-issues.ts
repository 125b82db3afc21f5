/** One string or key of an input that no field may hold, wherever it sits. */
export interface TextIssue {
  path: PropertyKey[];
  message: string;
}

const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (unpairedSurrogate.test(text)) return 'must be valid Unicode (it has an unpaired surrogate)';
  return undefined;
}

interface Node {
  value: unknown;
  key?: PropertyKey;
  parent?: Node;
}

function pathOf(node: Node | undefined): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at = node; at?.key !== undefined; at = at.parent) path.unshift(at.key);
  return path;
}

/**
 * Strings the store cannot keep as sent (S18): NUL, which PostgreSQL refuses (a 500), and unpaired
 * surrogates, which the BSON encoder turns into U+FFFD, so two different ids would become one
 * stream. Iterative, so a body nested 10,000 levels deep cannot overflow the stack.
 */
export function textIssuesOf(input: unknown, limit = 10): TextIssue[] {
  const issues: TextIssue[] = [];
  const stack: Node[] = [{ value: input }];
  while (stack.length > 0 && issues.length < limit) {
    const node = stack.pop() as Node;
    const { value } = node;
    if (typeof value === 'string') {
      const message = problemOf(value);
      if (message) issues.push({ path: pathOf(node), message });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], key: i, parent: node });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value).reverse()) {
        const message = problemOf(key);
        if (message) issues.push({ path: pathOf(node), message: `a key ${message}` });
        else stack.push({ value: child, key, parent: node });
      }
    }
  }
  return issues;
}
