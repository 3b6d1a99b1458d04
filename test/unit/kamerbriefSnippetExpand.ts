/**
 * Fills in a VS Code snippet body the way the editor inserts it when every
 * tab stop keeps its default: placeholders their text, choices their first
 * option, mirrors their placeholder's value, variables (with regex
 * transforms) their value. Follows the grammar and semantics of VS Code's
 * snippetParser.ts; unknown variables are an error here, not a placeholder.
 */

type Node =
  | {t: 'text'; v: string}
  | {t: 'stop'; n: number; children?: Node[]; choices?: string[]}
  | {t: 'var'; name: string; children?: Node[]; transform?: Transform};

type FormatPart = string | {n: number; shorthand?: string; ifValue?: string; elseValue?: string};

interface Transform {
  re: RegExp;
  format: FormatPart[];
}

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  nodes(inside: boolean): Node[] {
    const out: Node[] = [];
    const text = (v: string) => {
      const last = out[out.length - 1];
      if (last?.t === 'text') last.v += v;
      else out.push({t: 'text', v});
    };
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (inside && c === '}') return out;
      if (c === '\\') {
        const next = this.s[this.i + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text(next);
          this.i += 2;
        } else {
          text('\\');
          this.i++;
        }
        continue;
      }
      if (c === '$') {
        const node = this.dollar();
        if (node) {
          out.push(node);
          continue;
        }
      }
      text(c);
      this.i++;
    }
    if (inside) throw new Error(`unclosed \${ in snippet: ${this.s}`);
    return out;
  }

  private dollar(): Node | undefined {
    const rest = this.s.slice(this.i);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return {t: 'stop', n: Number(m[1])};
    }
    m = /^\$([_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return {t: 'var', name: m[1]};
    }
    m = /^\$\{(\d+)([:|/}])/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const n = Number(m[1]);
      if (m[2] === '}') return {t: 'stop', n};
      if (m[2] === ':') return {t: 'stop', n, children: this.closed()};
      if (m[2] === '|') return {t: 'stop', n, choices: this.choices()};
      throw new Error('placeholder transforms are not used by Rubric snippets');
    }
    m = /^\$\{([_a-zA-Z][_a-zA-Z0-9]*)([:/}])/.exec(rest);
    if (m) {
      this.i += m[0].length;
      if (m[2] === '}') return {t: 'var', name: m[1]};
      if (m[2] === ':') return {t: 'var', name: m[1], children: this.closed()};
      return {t: 'var', name: m[1], transform: this.transform()};
    }
    return undefined;
  }

  private closed(): Node[] {
    const children = this.nodes(true);
    this.i++; // }
    return children;
  }

  private choices(): string[] {
    const options: string[] = [];
    let cur = '';
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) throw new Error('unclosed choice');
      if (c === '\\' && ',|\\'.includes(this.s[this.i + 1])) {
        cur += this.s[this.i + 1];
        this.i += 2;
        continue;
      }
      this.i++;
      if (c === ',') {
        options.push(cur);
        cur = '';
      } else if (c === '|') {
        options.push(cur);
        if (this.s[this.i] !== '}') throw new Error('choice must end with |}');
        this.i++;
        return options;
      } else cur += c;
    }
  }

  private transform(): Transform {
    let regex = '';
    while (this.s[this.i] !== '/') {
      if (this.i >= this.s.length) throw new Error('unclosed transform');
      if (this.s[this.i] === '\\' && this.s[this.i + 1] === '/') {
        regex += '/';
        this.i += 2;
      } else regex += this.s[this.i++];
    }
    this.i++;
    const format: FormatPart[] = [];
    while (this.s[this.i] !== '/') {
      if (this.i >= this.s.length) throw new Error('unclosed transform format');
      const rest = this.s.slice(this.i);
      if (rest[0] === '\\' && (rest[1] === '\\' || rest[1] === '/')) {
        format.push(rest[1]);
        this.i += 2;
        continue;
      }
      let m = /^\$(\d+)|^\$\{(\d+)\}/.exec(rest);
      if (m) {
        format.push({n: Number(m[1] ?? m[2])});
        this.i += m[0].length;
        continue;
      }
      m = /^\$\{(\d+):\/(upcase|downcase|capitalize)\}/.exec(rest);
      if (m) {
        format.push({n: Number(m[1]), shorthand: m[2]});
        this.i += m[0].length;
        continue;
      }
      m = /^\$\{(\d+):([+?-]?)/.exec(rest);
      if (m) {
        this.i += m[0].length;
        const n = Number(m[1]);
        if (m[2] === '+') format.push({n, ifValue: this.until('}')});
        else if (m[2] === '?') {
          const ifValue = this.until(':');
          format.push({n, ifValue, elseValue: this.until('}')});
        } else format.push({n, elseValue: this.until('}')});
        continue;
      }
      format.push(rest[0]);
      this.i++;
    }
    this.i++;
    let options = '';
    while (this.s[this.i] !== '}') {
      if (this.i >= this.s.length) throw new Error('unclosed transform options');
      options += this.s[this.i++];
    }
    this.i++;
    return {re: new RegExp(regex, options), format};
  }

  private until(end: string): string {
    let v = '';
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) throw new Error('unclosed format');
      if (c === '\\' && '$}\\'.includes(this.s[this.i + 1])) {
        v += this.s[this.i + 1];
        this.i += 2;
        continue;
      }
      this.i++;
      if (c === end) return v;
      v += c;
    }
  }
}

function applyTransform(value: string, t: Transform): string {
  const format = (groups: string[]) =>
    t.format
      .map((f) => {
        if (typeof f === 'string') return f;
        const v = groups[f.n] || '';
        if (f.shorthand === 'upcase') return v.toLocaleUpperCase();
        if (f.shorthand === 'downcase') return v.toLocaleLowerCase();
        if (f.shorthand === 'capitalize') return v ? v[0].toLocaleUpperCase() + v.slice(1) : '';
        if (v && f.ifValue !== undefined) return f.ifValue;
        if (!v && f.elseValue !== undefined) return f.elseValue;
        return v;
      })
      .join('');
  let matched = false;
  const out = value.replace(t.re, (...args: unknown[]) => {
    matched = true;
    return format(args.slice(0, -2) as string[]);
  });
  if (!matched && t.format.some((f) => typeof f !== 'string' && f.elseValue)) return format([]);
  return out;
}

/** VS Code's date and time variables for a given moment. */
export function dateVariables(d: Date): Record<string, string> {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    CURRENT_YEAR: String(d.getFullYear()),
    CURRENT_YEAR_SHORT: String(d.getFullYear()).slice(-2),
    CURRENT_MONTH: pad(d.getMonth() + 1),
    CURRENT_MONTH_NAME: d.toLocaleString('en-US', {month: 'long'}),
    CURRENT_DATE: pad(d.getDate()),
    CURRENT_HOUR: pad(d.getHours()),
    CURRENT_MINUTE: pad(d.getMinutes()),
  };
}

export interface Expanded {
  text: string;
  /** Tab stop numbers in the order they first appear ($0 included). */
  stops: number[];
}

/** The text a snippet inserts when every tab stop keeps its default or first choice. */
export function expandSnippet(body: string | string[], variables: Record<string, string>): Expanded {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const nodes = new Parser(source).nodes(false);
  const defaults = new Map<number, Node>();
  const stops: number[] = [];
  const visit = (list: Node[]) => {
    for (const node of list) {
      if (node.t === 'stop') {
        if (!stops.includes(node.n)) stops.push(node.n);
        if ((node.children?.length || node.choices) && !defaults.has(node.n)) defaults.set(node.n, node);
      }
      if (node.t !== 'text' && node.children) visit(node.children);
    }
  };
  visit(nodes);
  const render = (list: Node[]): string =>
    list
      .map((node) => {
        if (node.t === 'text') return node.v;
        if (node.t === 'stop') {
          const def = node.children?.length || node.choices ? node : defaults.get(node.n);
          if (!def || def.t !== 'stop') return '';
          return def.choices ? def.choices[0] : render(def.children ?? []);
        }
        const value = variables[node.name];
        if (value === undefined) throw new Error(`unknown snippet variable ${node.name}`);
        return node.transform ? applyTransform(value, node.transform) : value;
      })
      .join('');
  return {text: render(nodes), stops};
}
