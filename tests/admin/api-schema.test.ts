import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The workbench's typed client is generated from the server's OpenAPI document; it must not drift from it. */
describe('the staff workbench API types', () => {
  test('when the server documents its routes, then admin/src/api/schema.d.ts is exactly what gen:api generates from that document', () => {
    const root = path.resolve(__dirname, '../..');
    const check = () => execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/gen-api.ts', '--check'], { cwd: path.join(root, 'admin'), encoding: 'utf8', stdio: 'pipe' });
    expect(check).not.toThrow();
  });
});
