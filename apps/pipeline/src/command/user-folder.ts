// The folder the user typed the command in, which relative paths are read from. `pnpm roundup …` runs the workspace's
// script from the workspace root whatever folder the user is in, and passes that folder as INIT_CWD.

/** The workspace's scripts that run the command: `pnpm roundup …` and `pnpm start …`. */
const WORKSPACE_SCRIPTS = new Set(['roundup', 'start']);

/** Where relative paths start: the user's folder when run through the workspace's script, else the current folder. */
export function userFolder(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  // Only the workspace's own script: a user's script that runs roundup after a `cd` means the folder it cd'd into.
  const throughWorkspaceScript = env.npm_package_name === 'roundup-workspace' && WORKSPACE_SCRIPTS.has(env.npm_lifecycle_event ?? '');
  return throughWorkspaceScript && env.INIT_CWD ? env.INIT_CWD : cwd;
}
