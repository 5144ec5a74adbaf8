// The .xlsx file as a zip written front to back: each sheet's XML streams into its entry as rows arrive (the zip
// compresses on libuv's threads while rows are formatted here), and the small parts that name the sheets come last.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRequire } from 'node:module';
import { XmlBytes } from './sheet-rows.js';
import { sheetRelationships, sheetTail, StyleSheet, workbookParts } from './spreadsheet-ml.js';

const require = createRequire(import.meta.url);

/**
 * yazl computes every entry's CRC-32 with zlib's native `crc32` by this project's patch (patches/yazl@3.3.1.patch): its
 * buffer-crc32, in JavaScript, took 0.38–0.43 s of the main thread over the corpus's 113 MB of sheet XML, zlib 0.02 s.
 * Where Node has no `zlib.crc32` (21.x, 22.0–22.1) the patch falls back to buffer-crc32, whose package gives an ES module
 * under the `import` condition: a process started with `--conditions import` (vitest starts its workers so) would hand
 * yazl that module, which lacks the CommonJS API (`crc32.unsigned`), so the CommonJS build is cached under that name first.
 */
function loadYazl(): typeof import('yazl') {
  const yazlPath = require.resolve('yazl');
  const fromYazl = createRequire(yazlPath);
  const crcPath = fromYazl.resolve('buffer-crc32');
  if (crcPath.endsWith('.mjs') && !require.cache[crcPath]) {
    const commonJsPath = crcPath.replace(/\.mjs$/, '.cjs');
    fromYazl(commonJsPath);
    require.cache[crcPath] = require.cache[commonJsPath];
  }
  return require(yazlPath) as typeof import('yazl');
}
const yazl = loadYazl();

/**
 * Deflate level of the parts. On the corpus's 113 MB of sheet XML, level 2 took 0.63–0.76 CPU s against 0.73–0.84 for
 * level 3, for a file 3 % larger; level 6 (zlib's default) about twice level 3's time for 6 % less (docs/performance.md).
 */
const COMPRESSION_LEVEL = 2;
/** Bytes of XML gathered before they are handed to the zip: one write per row would cost more than the row. */
const CHUNK_BYTES = 1 << 18;

/** One sheet's part being written: rows go in with `write`, links are noted with `link`, `close` ends the part. */
export class SheetPart {
  /**
   * Rows are written here; `flush` hands them to the zip once there are enough. Room for a chunk and the row that
   * passes it: a buffer of 1 MB per 256 kB chunk made 440 MB of allocations for the corpus's 113 MB of XML.
   */
  readonly xml = new XmlBytes(CHUNK_BYTES + (CHUNK_BYTES >> 2));
  private readonly linkedCells: string[] = [];
  private readonly linkTargets: string[] = [];

  constructor(
    private readonly stream: PassThrough,
    private readonly onClose: (targets: readonly string[]) => void,
    /** The file's writing, which rejects if the file cannot be written: no wait for the zip outlives it. */
    private readonly written: Promise<void>,
  ) {}

  /** Adds XML to the part; resolves at once unless the zip has fallen behind. */
  async write(xml: string): Promise<void> {
    this.xml.text(xml);
    await this.flush();
  }

  /** Whether `xml` holds enough to hand to the zip. */
  get full(): boolean {
    return this.xml.length >= CHUNK_BYTES;
  }

  /** Hands what `xml` holds to the zip once there is enough of it; waits only if the zip has fallen behind. */
  async flush(force = false): Promise<void> {
    if (!this.full && !force) return;
    if (!this.stream.write(this.xml.take())) await Promise.race([once(this.stream, 'drain'), this.written]);
  }

  /** Notes that the cell at `ref` links to `target` (written in the sheet's tail and its relationships). */
  link(ref: string, target: string): void {
    this.linkedCells.push(ref);
    this.linkTargets.push(target);
  }

  /** Ends the sheet with an autofilter over its header and `rows` rows of `columns` columns. */
  async close(rows: number, columns: number): Promise<void> {
    this.xml.text(sheetTail(rows, columns, this.linkedCells));
    await this.flush(true);
    this.stream.end();
    this.onClose(this.linkTargets);
  }
}

/** An .xlsx package being written to a file: sheets one after another, then the workbook's own parts. */
export class WorkbookPackage {
  readonly styles = new StyleSheet();
  private readonly zip = new yazl.ZipFile();
  private readonly written: Promise<void>;
  private readonly sheetNames: string[] = [];
  private readonly created = new Date();

  constructor(file: string) {
    this.written = pipeline(this.zip.outputStream, createWriteStream(file));
    // A failed write must not leave the rows' writer waiting on a drain that never comes: it rejects `finish`.
    this.written.catch(() => undefined);
  }

  /** Starts the next sheet; its part is `xl/worksheets/sheetN.xml` in the order sheets are added. */
  addSheet(name: string): SheetPart {
    this.sheetNames.push(name);
    const number = this.sheetNames.length;
    const stream = new PassThrough();
    this.zip.addReadStream(stream, `xl/worksheets/sheet${number}.xml`, { compressionLevel: COMPRESSION_LEVEL, mtime: this.created });
    return new SheetPart(
      stream,
      (targets) => {
        if (targets.length > 0) this.addPart(`xl/worksheets/_rels/sheet${number}.xml.rels`, sheetRelationships(targets));
      },
      this.written,
    );
  }

  /** Writes the parts that name the sheets and their styles, and closes the file. */
  async finish(creator: string): Promise<void> {
    for (const [path, xml] of workbookParts(this.sheetNames, creator, this.created)) this.addPart(path, xml);
    this.addPart('xl/styles.xml', this.styles.xml());
    this.zip.end();
    await this.written;
  }

  /** Stops writing after a failure and closes the file (the run's output folder removes it). */
  abandon(): void {
    (this.zip.outputStream as Readable).destroy();
  }

  private addPart(path: string, xml: string): void {
    this.zip.addBuffer(Buffer.from(xml, 'utf8'), path, { compressionLevel: COMPRESSION_LEVEL, mtime: this.created });
  }
}
