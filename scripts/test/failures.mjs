// What failed, by name, from each runner's JSON report: `npm test` prints these last, so the end of a long log
// (all a CI summary may keep) says which test broke and why, not only how many.

/** The first non-empty line of a failure message, without terminal colours, at most 200 characters. */
export function firstLine(/** @type {unknown} */ message) {
  const line = String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * @param {{ testResults?: { name: string, status?: string, message?: string, assertionResults?: { fullName: string, status: string, failureMessages?: string[] }[] }[] }} report
 * @param {string} [root]  stripped from file paths
 * @returns {string[]}
 */
export function vitestFailures(report, root = '') {
  return (report.testResults ?? []).flatMap((file) => {
    const path = file.name.startsWith(root) ? file.name.slice(root.length).replace(/^\//, '') : file.name;
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (failed.length === 0) return file.status === 'failed' ? [`${path}: ${firstLine(file.message)}`] : [];
    return failed.map((a) => `${path} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  });
}

/**
 * @typedef {{ title: string, file?: string, line?: number, tests?: { projectName?: string, status: string, results?: { error?: { message?: string } }[] }[] }} PlaywrightSpec
 * @typedef {{ title: string, specs?: PlaywrightSpec[], suites?: PlaywrightSuite[] }} PlaywrightSuite
 * @param {{ suites?: PlaywrightSuite[], errors?: { message?: string }[] }} report
 * @returns {string[]}
 */
export function playwrightFailures(report) {
  /** @type {(suite: PlaywrightSuite, titles: string[]) => string[]} */
  const walk = (suite, titles) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      (spec.tests ?? [])
        .filter((t) => t.status === 'unexpected')
        .map((t) => {
          const error = t.results?.map((r) => r.error?.message).find(Boolean);
          return `${spec.file ?? ''}:${spec.line ?? ''} › ${[...titles, spec.title].join(' › ')}: ${firstLine(error)}`;
        }),
    ),
    ...(suite.suites ?? []).flatMap((child) => walk(child, [...titles, child.title])),
  ];
  return [...(report.suites ?? []).flatMap((suite) => walk(suite, [])), ...(report.errors ?? []).map((e) => `error: ${firstLine(e.message)}`)];
}

/**
 * @param {{ checks?: { scope: string, id: string, pass: boolean, value: unknown, limit: unknown, detail?: string }[] }} report
 * @returns {string[]}
 */
export function qualityFailures(report) {
  return (report.checks ?? []).filter((c) => !c.pass).map((c) => `${c.scope} › ${c.id}: ${String(c.value)} (limit ${String(c.limit)})${c.detail ? ` ${firstLine(c.detail)}` : ''}`);
}
