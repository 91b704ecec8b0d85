// Types of icon-formats.mjs, for the tests that read the icons it wrote.
export interface IconImage {
  size: number;
  png: Buffer;
  rgba: Buffer;
}
export declare function encodeIco(images: IconImage[]): Buffer;
export declare const ICNS_TYPES: readonly (readonly [type: string, size: number])[];
export declare function encodeIcns(pngOfSize: (size: number) => Buffer): Buffer;
