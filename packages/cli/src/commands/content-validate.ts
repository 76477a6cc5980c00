import { stat } from 'node:fs/promises';
import { formatDiagnostic, validateContentPackage, type ValidationResult } from '@cardtable/tcg';
import { readContentFolder } from '../content-folder.ts';

export const CONTENT_VALIDATE_USAGE = `Usage: cardtable content validate DIR [--json]

Checks a content folder (ruleset.json, cards.json, decks.json, lua/<module>.lua, art/<name>.png
or .webp) with the validator the server runs on uploads: JSON syntax with line and column,
schemas and references (cards named by position and id), Lua modules compiled and linted
against the ability API, entry functions, images by their bytes, size limits, and warnings for
rulesets that cannot play well. One line per finding: file:line:column: severity CODE: path: message.
  --json   print {ok, errors, warnings} as one JSON object
Exit code: 0 valid (warnings allowed), 1 errors, 2 the command could not run.`;

/** `cardtable content validate DIR [--json]`. */
export async function contentValidateCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(CONTENT_VALIDATE_USAGE);
    return 0;
  }
  const json = argv.includes('--json');
  const rest = argv.filter((arg) => arg !== '--json');
  const unknown = rest.find((arg) => arg.startsWith('-'));
  if (unknown || rest.length !== 1) {
    console.error(
      `${unknown ? `Unknown option: ${unknown}` : 'Give exactly one folder.'}\n\n${CONTENT_VALIDATE_USAGE}`,
    );
    return 2;
  }
  const dir = rest[0]!;
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    console.error(`${dir} is not a folder.\n\n${CONTENT_VALIDATE_USAGE}`);
    return 2;
  }
  const result = await validateContentPackage(await readContentFolder(dir));
  console.log(json ? JSON.stringify(jsonShape(result)) : formatResult(dir, result));
  return result.ok ? 0 : 1;
}

const jsonShape = ({ ok, errors, warnings }: ValidationResult) => ({ ok, errors, warnings });

function formatResult(dir: string, result: ValidationResult): string {
  const lines = [...result.errors, ...result.warnings].map(formatDiagnostic);
  const counts = `${result.errors.length} error(s), ${result.warnings.length} warning(s)`;
  if (result.ok && result.content) {
    const { ruleset, cards, decks } = result.content;
    lines.push(
      `${dir}: valid: ${ruleset.name} (${ruleset.id} ${ruleset.version}), ${cards.size} cards and tokens, ${decks.length} deck(s); ${counts}`,
    );
  } else lines.push(`${dir}: invalid: ${counts}`);
  return lines.join('\n');
}
