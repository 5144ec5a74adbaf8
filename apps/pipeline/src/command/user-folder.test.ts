import { describe, expect, it } from 'vitest';
import { userFolder } from './user-folder.js';

describe('userFolder', () => {
  const script = { npm_package_name: 'roundup-workspace', npm_lifecycle_event: 'roundup', INIT_CWD: '/home/ana/articles' };

  it('is the folder pnpm was called from when run through `pnpm roundup`', () => {
    expect(userFolder(script, '/work/roundup')).toBe('/home/ana/articles');
  });

  it('is the current folder when run directly or from another package script', () => {
    expect(userFolder({}, '/home/ana')).toBe('/home/ana');
    expect(userFolder({ ...script, npm_package_name: 'their-project' }, '/home/ana/sub')).toBe('/home/ana/sub');
    expect(userFolder({ ...script, npm_lifecycle_event: 'tables' }, '/home/ana/sub')).toBe('/home/ana/sub');
  });
});
