import { didYouMean } from '@cardtable/engine';
import luaparse, { type LuaNode } from 'luaparse';
import type { EffectSpec, ParamSpec } from '../effects/effect-spec.ts';
import {
  ABSENT_GLOBALS,
  BASE_GLOBALS,
  CONTEXT_GLOBALS,
  FORBIDDEN_GLOBALS,
  FORBIDDEN_MEMBERS,
  LIBRARY_MEMBERS,
  type StateField,
} from '../script-api.ts';
import { blankAttributes } from './lua54-attributes.ts';

export type LintCode =
  | 'UNDECLARED_GLOBAL'
  | 'UNKNOWN_FUNCTION'
  | 'FORBIDDEN_API'
  | 'UNKNOWN_API'
  | 'UNREACHABLE_CODE'
  | 'SHADOWED_API'
  | 'READ_ONLY'
  | 'UNKNOWN_STATE_FIELD'
  | 'EFFECT_ARGUMENTS'
  | 'PLAIN_FIND'
  | 'LINT_SKIPPED';

export interface LintDiagnostic {
  severity: 'error' | 'warning';
  code: LintCode;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface LintOptions {
  /** The effect functions of the host (with `log`); names, arities and literal arguments are checked. */
  effects: readonly EffectSpec[];
  /** The fields of `state` (the host's); a read of a field it does not have is reported. */
  state?: Readonly<Record<string, StateField>>;
}

/** A literal argument as written (`nil` is null); anything computed is `undefined`. */
export type LiteralValue = string | number | boolean | null | undefined;

/** One call of an effect function, with its literal arguments, for host-specific checks. */
export interface EffectCall {
  effect: string;
  args: LiteralValue[];
  line: number;
  column: number;
}

/** What one parse of a script tells: lint diagnostics, effect calls, global functions. */
export interface ScriptScan {
  diagnostics: LintDiagnostic[];
  calls: EffectCall[];
  /** Functions the chunk defines as globals at its top level (`function name()`, `name = function`). */
  functions: string[];
}

type Node = LuaNode;

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/**
 * Static checks for creators, without running anything: globals that are never declared,
 * names the sandbox does not offer (with the reason), wrong effect arity, code that can never
 * run. Lua's own compiler decides syntax (see checkSyntax); this runs on its verdict's heels.
 */
export function lintScript(source: string, options: LintOptions): LintDiagnostic[] {
  return scanScript(source, options).diagnostics;
}

/** The lint, plus the effect calls and global functions a host checks against its own data. */
export function scanScript(source: string, options: LintOptions): ScriptScan {
  let chunk: Node;
  try {
    chunk = luaparse.parse(blankAttributes(source), {
      luaVersion: '5.3',
      locations: true,
      scope: true,
      comments: false,
    });
  } catch (error) {
    const { line, column } = error as { line?: number; column?: number };
    const diagnostic: LintDiagnostic = {
      severity: 'error',
      code: 'LINT_SKIPPED',
      message: `lint skipped: ${error instanceof Error ? error.message : String(error)}`,
      line: line ?? 1,
      column: (column ?? 0) + 1,
    };
    return { diagnostics: [diagnostic], calls: [], functions: [] };
  }
  const linter = new Linter(options);
  const diagnostics = linter.run(chunk);
  return { diagnostics, calls: linter.calls, functions: globalFunctions(chunk) };
}

function globalFunctions(chunk: Node): string[] {
  const names = new Set<string>();
  for (const statement of (chunk.body as unknown[]).filter(isNode)) {
    if (statement.type === 'FunctionDeclaration' && !statement.isLocal) {
      const id = statement.identifier;
      if (isNode(id) && id.type === 'Identifier') names.add(id.name as string);
    }
    if (statement.type === 'AssignmentStatement') {
      (statement.variables as Node[]).forEach((target, i) => {
        const value = (statement.init as Node[])[i];
        if (
          target.type === 'Identifier' &&
          !target.isLocal &&
          value?.type === 'FunctionDeclaration'
        )
          names.add(target.name as string);
      });
    }
  }
  return [...names].sort();
}

/** The value of a literal argument, or undefined when it is computed. */
function literalOf(node: Node): LiteralValue {
  switch (node.type) {
    case 'NumericLiteral':
      return node.value as number;
    case 'BooleanLiteral':
      return node.value as boolean;
    case 'NilLiteral':
      return null;
    case 'StringLiteral': {
      const match = /^(["'])([^\\\n]*)\1$/.exec(String(node.raw));
      return match ? match[2] : undefined;
    }
    case 'UnaryExpression': {
      const inner =
        node.operator === '-' && isNode(node.argument) ? literalOf(node.argument) : undefined;
      return typeof inner === 'number' ? -inner : undefined;
    }
    default:
      return undefined;
  }
}

/** Why a literal cannot be this parameter, or undefined when it can (or is not a literal). */
function literalProblem(node: Node, param: ParamSpec): string | undefined {
  if (node.type === 'TableConstructorExpression')
    return param.type === 'ref' || param.type === 'list'
      ? undefined
      : `must be ${expected(param)}, got a table`;
  const value = literalOf(node);
  if (value === undefined) return undefined;
  if (value === null) return param.optional ? undefined : 'is missing (nil)';
  switch (param.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value))
        return `must be an integer, got ${JSON.stringify(value)}`;
      if (param.min !== undefined && value < param.min)
        return `must be at least ${param.min}, got ${value}`;
      if (param.max !== undefined && value > param.max)
        return `must be at most ${param.max}, got ${value}`;
      return undefined;
    case 'string':
      if (typeof value !== 'string') return `must be a string, got ${JSON.stringify(value)}`;
      if (param.oneOf && !param.oneOf.includes(value))
        return `must be one of ${param.oneOf.join(', ')}, got "${value}"`;
      if (param.maxBytes !== undefined && new TextEncoder().encode(value).length > param.maxBytes)
        return `is longer than ${param.maxBytes} bytes`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : `must be a boolean, got ${JSON.stringify(value)}`;
    case 'ref':
      return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))
        ? undefined
        : `must be an id (string or integer) or a table with an id, got ${JSON.stringify(value)}`;
    case 'list':
      return `must be a list, got ${JSON.stringify(value)}`;
  }
}

const expected = (param: ParamSpec) =>
  param.type === 'integer'
    ? 'an integer'
    : param.type === 'boolean'
      ? 'a boolean'
      : `a ${param.type}`;

interface GlobalUse {
  name: string;
  node: Node;
}

class Linter {
  private readonly diagnostics: LintDiagnostic[] = [];
  private readonly reads: GlobalUse[] = [];
  private readonly writes = new Set<string>();
  private readonly effects: Map<string, EffectSpec>;
  private readonly state: Readonly<Record<string, StateField>> | undefined;
  private readonly api: Set<string>;
  readonly calls: EffectCall[] = [];
  /** Identifiers called as functions: an undeclared one is certain to fail when it runs. */
  private readonly callees = new Set<Node>();

  constructor(options: LintOptions) {
    this.effects = new Map(options.effects.map((spec) => [spec.name, spec]));
    this.state = options.state;
    this.api = new Set([
      '_ENV', // Lua 5.4's name for the environment (here, the call's fresh globals)
      ...BASE_GLOBALS,
      ...CONTEXT_GLOBALS,
      ...Object.keys(LIBRARY_MEMBERS),
      ...this.effects.keys(),
    ]);
  }

  run(chunk: Node): LintDiagnostic[] {
    this.block(chunk.body);
    for (const { name, node } of this.reads) {
      if (this.api.has(name) || this.writes.has(name)) continue;
      const forbidden = FORBIDDEN_GLOBALS[name];
      if (forbidden) {
        this.report(
          node,
          'error',
          'FORBIDDEN_API',
          `'${name}' is not available in the sandbox: ${forbidden}`,
        );
        continue;
      }
      const absent = ABSENT_GLOBALS[name];
      // A slip of the keyboard ("heall") is the usual cause: the name meant, when one is close.
      const meant = didYouMean(name, [...this.api, ...this.writes]);
      if (this.callees.has(node) && !absent) {
        this.report(
          node,
          'error',
          'UNKNOWN_FUNCTION',
          `'${name}' is not a function scripts can call (not an effect of the ability API, a library or defined by the script)${meant}`,
        );
        continue;
      }
      this.report(
        node,
        'warning',
        'UNDECLARED_GLOBAL',
        absent ? `'${name}' is not defined here: ${absent}` : `undeclared global '${name}'${meant}`,
      );
    }
    return this.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  private report(
    node: Node,
    severity: LintDiagnostic['severity'],
    code: LintCode,
    message: string,
  ) {
    const start = node.loc?.start ?? { line: 1, column: 0 };
    this.diagnostics.push({ severity, code, message, line: start.line, column: start.column + 1 });
  }

  // -- statements ------------------------------------------------------------------------

  private block(body: unknown): void {
    if (!Array.isArray(body)) return;
    const statements = body.filter(isNode);
    this.reportUnreachable(statements);
    for (const statement of statements) this.statement(statement);
  }

  private statement(node: Node): void {
    switch (node.type) {
      case 'LocalStatement':
        this.expressions(node.init);
        return;
      case 'AssignmentStatement':
        this.expressions(node.init);
        for (const target of node.variables as Node[]) this.assignTarget(target);
        return;
      case 'FunctionDeclaration':
        if (!node.isLocal && isNode(node.identifier)) this.assignTarget(node.identifier);
        this.block(node.body);
        return;
      case 'ForNumericStatement':
        this.expressions([node.start, node.end, node.step]);
        this.block(node.body);
        return;
      case 'ForGenericStatement':
        this.expressions(node.iterators);
        this.block(node.body);
        return;
      case 'IfStatement':
        for (const clause of node.clauses as Node[]) {
          if (isNode(clause.condition)) this.expression(clause.condition);
          this.block(clause.body);
        }
        return;
      case 'WhileStatement':
      case 'RepeatStatement':
        if (isNode(node.condition)) this.expression(node.condition);
        this.block(node.body);
        return;
      case 'DoStatement':
        this.block(node.body);
        return;
      case 'CallStatement':
        if (isNode(node.expression)) this.expression(node.expression);
        return;
      case 'ReturnStatement':
        this.expressions(node.arguments);
        return;
      default:
        return; // break, goto, labels
    }
  }

  private assignTarget(target: Node): void {
    if (target.type === 'Identifier') {
      if (target.isLocal) return;
      const name = target.name as string;
      this.writes.add(name);
      if (this.api.has(name)) {
        this.report(
          target,
          'warning',
          'SHADOWED_API',
          `assigning the global '${name}' hides the sandbox's '${name}'`,
        );
      }
      return;
    }
    if (target.type === 'MemberExpression' || target.type === 'IndexExpression') {
      const base = target.base as Node;
      const library = this.libraryName(base);
      if (library) {
        this.report(target, 'error', 'READ_ONLY', `the ${library} library is read-only`);
      } else if (base.type === 'Identifier' && !base.isLocal && base.name === 'state') {
        this.report(target, 'error', 'READ_ONLY', `state is read-only: emit effects instead`);
      }
      this.expression(base);
      if (isNode(target.index)) this.expression(target.index);
    }
  }

  // -- expressions -----------------------------------------------------------------------

  private expressions(list: unknown): void {
    if (!Array.isArray(list)) return;
    for (const item of list) if (isNode(item)) this.expression(item);
  }

  private expression(node: Node): void {
    switch (node.type) {
      case 'Identifier':
        if (!node.isLocal) this.reads.push({ name: node.name as string, node });
        return;
      case 'MemberExpression':
        this.member(node);
        return;
      case 'IndexExpression':
        this.expression(node.base as Node);
        this.expression(node.index as Node);
        return;
      case 'CallExpression':
        this.call(node, node.arguments as Node[]);
        return;
      case 'StringCallExpression':
      case 'TableCallExpression':
        this.call(node, [node.argument as Node]);
        return;
      case 'FunctionDeclaration':
        this.block(node.body);
        return;
      case 'TableConstructorExpression':
        for (const field of node.fields as Node[]) {
          if (field.type === 'TableKey') this.expression(field.key as Node);
          this.expression(field.value as Node);
        }
        return;
      case 'BinaryExpression':
      case 'LogicalExpression':
        this.expression(node.left as Node);
        this.expression(node.right as Node);
        return;
      case 'UnaryExpression':
        this.expression(node.argument as Node);
        return;
      default:
        return; // literals, varargs
    }
  }

  private member(node: Node): void {
    const base = node.base as Node;
    const name = (node.identifier as Node).name as string;
    const library = this.libraryName(base);
    if (library && node.indexer === '.') {
      const qualified = `${library}.${name}`;
      const forbidden = FORBIDDEN_MEMBERS[qualified];
      if (forbidden) {
        this.report(
          node,
          'error',
          'FORBIDDEN_API',
          `'${qualified}' is not available in the sandbox: ${forbidden}`,
        );
      } else if (!LIBRARY_MEMBERS[library]?.includes(name)) {
        const meant = didYouMean(name, LIBRARY_MEMBERS[library] ?? []);
        this.report(node, 'error', 'UNKNOWN_API', `unknown API name '${qualified}'${meant}`);
      }
    } else if (node.indexer === '.' && this.state) {
      this.stateMember(node, base, name);
    } else if (node.indexer === ':' && FORBIDDEN_MEMBERS[`string.${name}`]) {
      this.report(
        node,
        'warning',
        'FORBIDDEN_API',
        `string method '${name}' is not available: ${FORBIDDEN_MEMBERS[`string.${name}`]}`,
      );
    }
    this.expression(base);
  }

  /** `state.friendly.bord`: a field the host's state does not have is nil when the script runs. */
  private stateMember(node: Node, base: Node, name: string): void {
    const parent = this.stateShape(base);
    if (!parent?.fields || name in parent.fields) return;
    const path = this.statePath(base);
    const fields = Object.keys(parent.fields);
    this.report(
      node,
      'warning',
      'UNKNOWN_STATE_FIELD',
      `${path} has no field '${name}' (it has: ${fields.join(', ')}), so this is nil${didYouMean(name, fields)}`,
    );
  }

  /** The shape a `state...` expression reads (`fields` of the list's items after an index). */
  private stateShape(node: Node): StateField | undefined {
    if (node.type === 'Identifier' && !node.isLocal && node.name === 'state' && this.state)
      return { doc: 'state', fields: this.state };
    if (node.type === 'MemberExpression' && node.indexer === '.')
      return this.stateShape(node.base as Node)?.fields?.[(node.identifier as Node).name as string];
    if (node.type === 'IndexExpression') {
      const list = this.stateShape(node.base as Node);
      return list?.items ? { doc: list.doc, fields: list.items } : undefined;
    }
    return undefined;
  }

  private statePath(node: Node): string {
    if (node.type === 'MemberExpression')
      return `${this.statePath(node.base as Node)}.${String((node.identifier as Node).name)}`;
    if (node.type === 'IndexExpression') return `${this.statePath(node.base as Node)}[...]`;
    return 'state';
  }

  private call(node: Node, args: Node[]): void {
    const base = node.base as Node;
    if (base.type === 'Identifier') this.callees.add(base);
    this.expression(base);
    for (const arg of args) this.expression(arg);
    const last = args[args.length - 1];
    const open = last !== undefined && isMultiValue(last);
    if (base.type === 'Identifier' && !base.isLocal && !this.writes.has(base.name as string)) {
      const spec = this.effects.get(base.name as string);
      if (spec && spec.name !== 'log') {
        this.checkArity(node, spec, args.length, open);
        this.checkLiterals(spec, args);
        const start = node.loc?.start ?? { line: 1, column: 0 };
        this.calls.push({
          effect: spec.name,
          args: args.map(literalOf),
          line: start.line,
          column: start.column + 1,
        });
      }
    }
    if (base.type === 'MemberExpression' && this.libraryName(base.base as Node) === 'string') {
      const name = (base.identifier as Node).name;
      const pattern = args[1];
      if (name === 'find' && args.length < 4 && pattern?.type === 'StringLiteral') {
        const raw = String(pattern.raw ?? '');
        if (/[%^$().[\]*+?-]/.test(raw.slice(1, -1))) {
          this.report(
            pattern,
            'warning',
            'PLAIN_FIND',
            'string.find searches plain text here: pattern characters match literally',
          );
        }
      }
    }
  }

  private checkArity(node: Node, spec: EffectSpec, count: number, open: boolean): void {
    const required = spec.params.filter((p) => !p.optional).length;
    const most = spec.params.length;
    if (count > most) {
      this.report(
        node,
        'error',
        'EFFECT_ARGUMENTS',
        `${spec.name} takes at most ${most} arguments, got ${count}`,
      );
    } else if (!open && count < required) {
      this.report(
        node,
        'error',
        'EFFECT_ARGUMENTS',
        `${spec.name} needs ${required} arguments, got ${count}`,
      );
    }
  }

  private checkLiterals(spec: EffectSpec, args: Node[]): void {
    args.forEach((arg, i) => {
      const param = spec.params[i];
      const problem = param && literalProblem(arg, param);
      if (problem)
        this.report(
          arg,
          'error',
          'EFFECT_ARGUMENTS',
          `${spec.name}: argument #${i + 1} (${param.name}) ${problem}`,
        );
    });
  }

  private libraryName(node: Node): string | undefined {
    if (node.type !== 'Identifier' || node.isLocal) return undefined;
    const name = node.name as string;
    return LIBRARY_MEMBERS[name] && !this.writes.has(name) ? name : undefined;
  }

  // -- reachability ----------------------------------------------------------------------

  private reportUnreachable(statements: Node[]): void {
    const end = statements.findIndex((s) => this.terminates(s));
    if (end < 0) return;
    const next = statements[end + 1];
    if (!next || next.type === 'LabelStatement') return;
    const after = describeTerminator(statements[end] as Node);
    this.report(next, 'warning', 'UNREACHABLE_CODE', `unreachable code after ${after}`);
  }

  /** Whether control can never continue past `node` to the next statement of its block. */
  private terminates(node: Node): boolean {
    switch (node.type) {
      case 'ReturnStatement':
      case 'BreakStatement':
      case 'GotoStatement':
        return true;
      case 'CallStatement': {
        const call = node.expression as Node;
        const base = call.base as Node | undefined;
        if (base?.type !== 'Identifier' || base.isLocal) return false;
        if (base.name === 'error') return true;
        const first = (call.arguments as Node[] | undefined)?.[0];
        return (
          base.name === 'assert' &&
          (first?.type === 'BooleanLiteral' ? first.value === false : first?.type === 'NilLiteral')
        );
      }
      case 'DoStatement':
        return this.blockTerminates(node.body);
      case 'IfStatement': {
        const clauses = node.clauses as Node[];
        return (
          clauses.some((c) => c.type === 'ElseClause') &&
          clauses.every((c) => this.blockTerminates(c.body))
        );
      }
      case 'WhileStatement':
        return isTrue(node.condition) && !containsBreak(node.body);
      case 'RepeatStatement':
        return isFalse(node.condition) && !containsBreak(node.body);
      default:
        return false;
    }
  }

  /** A block never completes: a terminator (not a goto: it may target a label in the block) with no label after it. */
  private blockTerminates(body: unknown): boolean {
    if (!Array.isArray(body)) return false;
    const statements = body.filter(isNode);
    const end = statements.findIndex((s) => s.type !== 'GotoStatement' && this.terminates(s));
    return end >= 0 && !statements.slice(end).some((s) => s.type === 'LabelStatement');
  }
}

function isMultiValue(node: Node): boolean {
  return (
    node.type === 'VarargLiteral' ||
    node.type === 'CallExpression' ||
    node.type === 'StringCallExpression' ||
    node.type === 'TableCallExpression'
  );
}

const isTrue = (node: unknown) =>
  isNode(node) && node.type === 'BooleanLiteral' && node.value === true;
const isFalse = (node: unknown) =>
  isNode(node) &&
  ((node.type === 'BooleanLiteral' && node.value === false) || node.type === 'NilLiteral');

/** A `break` that leaves this loop (one not inside a nested loop or function). */
function containsBreak(body: unknown): boolean {
  if (!Array.isArray(body)) return false;
  for (const statement of body) {
    if (!isNode(statement)) continue;
    if (statement.type === 'BreakStatement' || statement.type === 'GotoStatement') return true;
    if (statement.type === 'IfStatement') {
      if ((statement.clauses as Node[]).some((c) => containsBreak(c.body))) return true;
    } else if (statement.type === 'DoStatement' && containsBreak(statement.body)) {
      return true;
    }
  }
  return false;
}

function describeTerminator(node: Node): string {
  switch (node.type) {
    case 'ReturnStatement':
      return "'return'";
    case 'BreakStatement':
      return "'break'";
    case 'GotoStatement':
      return "'goto'";
    case 'CallStatement':
      return 'a call that always raises an error';
    case 'WhileStatement':
    case 'RepeatStatement':
      return 'a loop that never ends';
    default:
      return 'a block that never completes';
  }
}
