import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { main, parseLabArgs, UsageError } from '../../../src/lab/cli.ts';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('parseLabArgs', () => {
  test('reads the model, --name value and --name=value pairs (kebab or camel case) and --json', () => {
    expect(parseLabArgs(['superposition', '--n', '5', '--importance-decay=0.7', '--seed', '3', '--json'])).toEqual({
      model: 'superposition', params: { n: '5', importanceDecay: '0.7', seed: '3' }, json: true,
    });
    expect(parseLabArgs(['mlp'])).toEqual({ model: 'mlp', params: {}, json: false });
  });

  test.each([
    [[], /missing model/],
    [['resnet'], /unknown model "resnet"/],
    [['sae', '--bogus', '1'], /unknown parameter --bogus for sae/],
    [['sae', '--width'], /--width needs a value/],
    [['sae', 'width'], /unexpected argument "width"/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseLabArgs(argv)).toThrow(UsageError);
    expect(() => parseLabArgs(argv)).toThrow(message);
  });
});

describe('main', () => {
  test('prints a readable summary', async () => {
    const { code, stdout } = await run(['mlp', '--steps', '200']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^mlp \(/);
    expect(stdout).toMatch(/held-out accuracy/);
  });

  test('--json prints one object with parameters, metrics and learned weights', async () => {
    const { code, stdout } = await run(['superposition', '--n', '5', '--m', '2', '--sparsity', '0.9', '--steps', '300', '--restarts', '1', '--json']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output).toMatchObject({ model: 'superposition', params: { n: 5, m: 2, sparsity: 0.9, steps: 300 } });
    expect(output.W).toHaveLength(2);
    expect(output.featureNorms).toHaveLength(5);
    expect(typeof output.finalLoss).toBe('number');
  });

  test('an unknown model or a bad parameter is a clear error with a non-zero exit', async () => {
    const unknown = await run(['resnet']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown model "resnet"/);
    expect(unknown.stderr).toMatch(/usage: npm run lab/);
    const outOfRange = await run(['superposition', '--n', '50']);
    expect(outOfRange.code).toBe(2);
    expect(outOfRange.stderr).toMatch(/n: 50 is above the maximum 20/);
    const notANumber = await run(['sae', '--width', 'wide']);
    expect(notANumber.code).toBe(2);
    expect(notANumber.stderr).toMatch(/width: "wide" is not a number/);
    expect(outOfRange.stdout + notANumber.stdout).toBe('');
  });

  test('runs as a script under Node', () => {
    const ok = spawnSync('node_modules/.bin/node', ['src/lab/cli.ts', 'sae', '--steps', '20', '--width', '16', '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ model: 'sae', params: { steps: 20, width: 16 } });
    const bad = spawnSync('node_modules/.bin/node', ['src/lab/cli.ts', 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown model "nope"/);
  });
});
