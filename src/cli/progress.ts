import cliProgress from 'cli-progress';

/** A progress bar on a terminal; plain periodic lines when output is piped or in CI. */
export function progressBar(label: string, total: number) {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total} {eta_formatted}`, stream: process.stderr }, cliProgress.Presets.shades_classic);
    bar.start(total, 0);
    return { update: (n: number) => bar.update(n), setTotal: (t: number) => bar.setTotal(t), stop: () => bar.stop() };
  }
  let last = 0;
  return {
    update: (n: number) => {
      if (Date.now() - last > 2000 || n === total) { last = Date.now(); process.stderr.write(`${label}: ${n}/${total}\n`); }
    },
    setTotal: (t: number) => { total = t; },
    stop: () => {},
  };
}
