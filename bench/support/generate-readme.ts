/** Options of {@link generateReadme}. */
export interface ReadmeShape {
  /** Seed of the deterministic generator; same seed, same text. */
  seed: number;
  /** Approximate size in characters. */
  size: number;
  /** Use `\r\n` line endings; default false. */
  crlf?: boolean;
}

const WORDS = (
  'the a to of and in is it you that for on with as this are be can your we an by or from ' +
  'function variable array object loop value return string number component state request ' +
  'server database query browser element style class method property event handler list ' +
  'learn build write read change create project exercise lesson step example result error ' +
  'página código función variable aprender también después ejemplo así información'
).split(' ');
const CODE_WORDS = ['const', 'let', 'return', 'if', 'for', 'await', 'print', 'def', 'import'];
const LANGS = ['js', 'python', 'bash', 'jsx', 'json', 'html', 'css', ''];

/**
 * A README of the shapes real lesson and project READMEs have: front matter, a title H1,
 * sections of prose with inline code, links and emphasis, lists, relative and absolute
 * images, fenced code, tables, HTML image blocks, hide blocks and content variables.
 */
export function generateReadme(shape: ReadmeShape): string {
  let state = shape.seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  const word = () => pick(WORDS);
  const sentence = () => {
    const words: string[] = [];
    for (let i = int(8, 22); i > 0; i--) {
      const r = random();
      if (r < 0.04) words.push(`\`${pick(CODE_WORDS)}()\``);
      else if (r < 0.06) words.push(`**${word()} ${word()}**`);
      else if (r < 0.075) words.push(`[${word()} ${word()}](https://example.com/${word()})`);
      else if (r < 0.08) words.push(`{% ${pick(['api_url', 'academy', 'support_email'])} %}`);
      else words.push(word());
    }
    const text = words.join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: int(2, 6) }, sentence).join(' ');
  const image = () => {
    const name = `${word()}-${int(1, 99)}.${pick(['png', 'jpg', 'gif', 'svg'])}`;
    const path = pick([`./assets/${name}`, `../../assets/images/${name}`, `img/${name}`]);
    const absolute = `https://github.com/org/repo/blob/main/${name}?raw=true`;
    return random() < 0.8 ? path : absolute;
  };
  const codeBlock = () => {
    const lines = Array.from({ length: int(4, 24) }, () => {
      const indent = '  '.repeat(int(0, 3));
      return `${indent}${pick(CODE_WORDS)} ${word()}_${int(1, 9)} = ${word()}(${int(0, 100)});`;
    });
    if (random() < 0.3) lines.push(`// ![not an image](./in-code.png) {% not_a_variable %}`);
    return `\`\`\`${pick(LANGS)}\n${lines.join('\n')}\n\`\`\``;
  };
  const list = (ordered: boolean) =>
    Array.from(
      { length: int(3, 7) },
      (_, i) => `${ordered ? `${i + 1}.` : '-'} ${sentence()}`,
    ).join('\n');
  const table = () => {
    const columns = int(2, 4);
    const row = () =>
      `| ${Array.from({ length: columns }, () => `${word()} ${word()}`).join(' | ')} |`;
    const rows = Array.from({ length: int(2, 6) }, row);
    return [row(), `|${' --- |'.repeat(columns)}`, ...rows].join('\n');
  };

  const blocks: string[] = [];
  if (random() < 0.7) {
    blocks.push(
      `---\ntitle: "Learn ${word()}: ${word()}, ${word()} and more"\nsubtitle: ${sentence()}\n` +
        `tags: [${word()}, ${word()}]\nstatus: "published"\n` +
        `date: "2024-0${int(1, 9)}-1${int(0, 9)}"\n---`,
    );
  }
  blocks.push(`# Learn ${word()}: ${word()}, ${word()} and more`);
  let length = 0;
  while (length < shape.size) {
    const r = random();
    let block: string;
    if (r < 0.1) block = `${'#'.repeat(int(2, 3))} ${sentence().slice(0, 40)}`;
    else if (r < 0.5) block = paragraph();
    else if (r < 0.6) block = list(random() < 0.3);
    else if (r < 0.68)
      block = `![${word()} ${word()}](${image()}${random() < 0.3 ? ' "Figure"' : ''})`;
    else if (r < 0.8) block = codeBlock();
    else if (r < 0.85) block = table();
    else if (r < 0.88) block = `> ${paragraph()}`;
    else if (r < 0.91)
      block = `<p align="center">\n  <img src="${image()}" width="${int(2, 6)}00">\n</p>`;
    else if (r < 0.93) block = `<!-- hide -->\n${paragraph()}\n<!-- endhide -->`;
    else if (r < 0.95) block = `[${word()}-${int(1, 999)}]: ${image()}`;
    else block = paragraph();
    blocks.push(block);
    length += block.length + 2;
  }
  const text = `${blocks.join('\n\n')}\n`;
  return shape.crlf ? text.replace(/\n/g, '\r\n') : text;
}
