import { parseSimulateArgs, SIMULATE_USAGE } from '../simulate/args.ts';
import { progressBar } from '../simulate/progress.ts';
import { formatReport } from '../simulate/report.ts';
import { runSimulation } from '../simulate/run.ts';

/**
 * `cardtable simulate golf --games N ...`: CPU-only games, headless and unpaced. Exit code 0,
 * 1 when a rule anomaly turned up, 2 for bad flags.
 */
export async function simulateCommand(argv: string[]): Promise<number> {
  // The trading-card game has its own simulator.
  if (argv[0] === 'tcg') {
    return (await import('./simulate-tcg.ts')).simulateTcgCommand(argv.slice(1));
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(SIMULATE_USAGE);
    return 0;
  }
  const parsed = parseSimulateArgs(argv);
  if (!parsed.ok) {
    console.error(`${parsed.error.message}\n\n${SIMULATE_USAGE}`);
    return 2;
  }
  const args = parsed.value;
  const report = runSimulation(args, progressBar('simulate golf', args.games));
  console.log(args.json ? JSON.stringify(report) : formatReport(report));
  return report.anomalies > 0 ? 1 : 0;
}
