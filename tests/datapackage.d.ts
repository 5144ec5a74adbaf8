// The parts of the Frictionless reference library (npm `datapackage` 1.x, which ships no types) the tests use.
declare module 'datapackage' {
  export interface Resource {
    name: string;
    descriptor: { schema?: { foreignKeys?: unknown[] } };
    read(options?: { keyed?: boolean; relations?: boolean; cast?: boolean }): Promise<unknown[]>;
  }
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
  }
}
