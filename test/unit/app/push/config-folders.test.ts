import { describe, expect, it } from 'vitest';
import { configFolders } from '../../../../app/push/config-folders.js';

describe('configFolders', () => {
  it('names the folder of every learn.json, bc.json and their .learn/ forms', () => {
    expect(
      configFolders([
        'exercises/01-hello/learn.json',
        'exercises/02-loops/.learn/learn.json',
        'projects/todo/bc.json',
        'projects/blog/.learn/bc.json',
      ]),
    ).toEqual(
      expect.arrayContaining([
        'exercises/01-hello',
        'exercises/02-loops',
        'projects/todo',
        'projects/blog',
      ]),
    );
  });

  it('names the folder of any README*.md, whatever its language suffix or case', () => {
    expect(configFolders(['p/README.md', 'q/README.es.md', 'r/readme.it.MD'])).toEqual([
      'p',
      'q',
      'r',
    ]);
  });

  it('gives the empty string for files at the repository root', () => {
    expect(configFolders(['learn.json', 'README.md', '.learn/bc.json'])).toContain('');
  });

  it('ignores other files, including lookalikes', () => {
    expect(configFolders(['src/app.js', 'docs/learn.json.bak', 'x/NOT_README.md'])).toEqual([]);
  });
});
