import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
// js-yaml comes with electron-builder; the test only needs to parse one file.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  npmRebuild: boolean;
  icon: string;
  extraResources: { from: string; to: string }[];
  win: { target: string[] };
  mac: { target: string[] };
  linux: { target: string[] };
  fileAssociations: { ext: string }[];
  asarUnpack: string[];
}

describe('electron-builder.yml', () => {
  const config = yaml.load(read('electron-builder.yml')) as BuilderConfig;

  it('names the app', () => {
    expect(config.appId).toBe('org.tmplanner.app');
    expect(config.productName).toBe('TM Planner');
  });

  it('builds the four installers', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('ships the built app and the Electron-ABI SQLite outside the asar, where main looks for it', () => {
    expect(config.files).toContain('out/**/*');
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'native/electron', to: 'native/electron' }));
    expect(read('electron/main/index.ts')).toContain("path.join(process.resourcesPath, 'native/electron/better_sqlite3.node')");
  });

  it('unpacks the built backend, so the export worker thread can load its script', () => {
    expect(config.asarUnpack).toContain('out/main/**/*');
    expect(read('electron.vite.config.ts')).toContain("'export-worker': resolve(__dirname, 'electron/backend/export/export-worker.ts')");
  });

  it('associates .tmplan files and uses an icon that exists', () => {
    expect(config.fileAssociations.map((a) => a.ext)).toContain('tmplan');
    expect(fs.existsSync(path.join(root, config.icon))).toBe(true);
  });
});

describe('icon', () => {
  it('is a valid 512x512 PNG', () => {
    const png = fs.readFileSync(path.join(root, 'resources/icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    // The pixel data must inflate to exactly 512 rows of filter byte + RGBA.
    let offset = 8;
    const idat: Buffer[] = [];
    while (offset < png.length) {
      const len = png.readUInt32BE(offset);
      const type = png.toString('ascii', offset + 4, offset + 8);
      if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + len));
      offset += 12 + len;
      if (type === 'IEND') break;
    }
    expect(offset).toBe(png.length);
    expect(zlib.inflateSync(Buffer.concat(idat)).length).toBe(512 * (512 * 4 + 1));
  });

  it('has an SVG source', () => {
    expect(read('resources/icon.svg')).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
  });
});

describe('shell boundaries', () => {
  // These modules are tested here without the Electron binary; a runtime import would break that.
  it.each(['security', 'menu', 'recent-plans', 'ipc-validation', 'backend-process', 'plan-files', 'channels'])(
    'electron/main/%s.ts imports electron for types only',
    (name) => {
      expect(read(`electron/main/${name}.ts`)).not.toMatch(/import\s+(?!type\b)[^;]*from\s+'electron'/);
    },
  );

  it('the preload exposes one object and never the raw ipcRenderer', () => {
    const src = read('electron/preload/index.ts');
    expect(src.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(src).toMatch(/exposeInMainWorld\('tmPlanner', bridge\)/);
    expect(src).not.toMatch(/ipcRenderer\.(send|sendSync|postMessage)\(/);
    expect(src).not.toMatch(/:\s*ipcRenderer\b/);
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('the utility entry never imports electron', () => {
    expect(read('electron/backend/utility-entry.ts')).not.toMatch(/from\s+'electron'/);
  });
});

describe('the export worker in the packaged app', () => {
  it('starts from the unpacked copy of the backend, which Node can read', async () => {
    const { unpackedAsar } = await import('../../electron/backend/export/export-jobs');
    expect(unpackedAsar('/opt/TM Planner/resources/app.asar/out/main')).toBe('/opt/TM Planner/resources/app.asar.unpacked/out/main');
    expect(unpackedAsar('C:\\Program Files\\TM Planner\\resources\\app.asar\\out\\main')).toBe(
      'C:\\Program Files\\TM Planner\\resources\\app.asar.unpacked\\out\\main',
    );
    expect(unpackedAsar('/home/ana/tm-planner/out/main')).toBe('/home/ana/tm-planner/out/main');
    expect(unpackedAsar('/home/ana/app.asarx/out')).toBe('/home/ana/app.asarx/out');
  });
});
