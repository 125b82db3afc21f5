import { spawnSync } from 'node:child_process';

export interface Prerequisite {
  command: string;
  /** Arguments that make it print its version and exit 0. */
  versionArgs: string[];
  /** What to do when it is missing, shown to the user verbatim. */
  fix: string;
}

export class MissingPrerequisiteError extends Error {
  constructor(readonly missing: Prerequisite[]) {
    super(
      'Missing prerequisites for the local infrastructure:\n' +
        missing.map((p) => `  - ${p.command}: ${p.fix}`).join('\n'),
    );
    this.name = 'MissingPrerequisiteError';
  }
}

export function hasCommand(command: string, versionArgs: string[]): boolean {
  const result = spawnSync(command, versionArgs, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

export function requirePrerequisites(prerequisites: Prerequisite[]): void {
  const missing = prerequisites.filter((p) => !hasCommand(p.command, p.versionArgs));
  if (missing.length > 0) throw new MissingPrerequisiteError(missing);
}

export const java: Prerequisite = {
  command: 'java',
  versionArgs: ['-version'],
  fix: 'install a Java 17+ runtime, e.g. `apt-get install openjdk-17-jre-headless`, and put `java` on PATH',
};
export const maven: Prerequisite = {
  command: 'mvn',
  versionArgs: ['-v'],
  fix: 'install Apache Maven 3.8+, e.g. `apt-get install maven`',
};
export const go: Prerequisite = {
  command: 'go',
  versionArgs: ['version'],
  fix: "install Go 1.24+ (FerretDB 1.24.2 needs it; Go 1.21-1.23 fetch it themselves via GOTOOLCHAIN=auto) from go.dev, and put `go` on PATH; Debian 12's golang (1.19) is too old",
};
