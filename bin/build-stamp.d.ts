// Types of build-stamp.js, for the TypeScript that asks whether dist/ is current (bench/process-weight.ts).
export declare const ROOT: string;
export declare function stampPath(root?: string): string;
export declare function sourceStamp(root?: string): Record<string, number>;
export declare function isBuildCurrent(root?: string): boolean;
