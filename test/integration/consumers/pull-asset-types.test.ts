import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '../../../src/consumers/start-worker.js';
import { createWorkerHarness, type WorkerHarness } from './worker-harness.js';

const url = (path: string) => `https://github.com/acme/learn/blob/main/${path}`;

const LESSON = `---
title: Intro to loops
excerpt: Repeat things
subtitle: not used when there is an excerpt
tags: [javascript, loops]
authors: [ana, ben]
video: https://youtu.be/loops
table_of_contents: true
slug: a-different-slug
---
# Intro to loops

Body.
`;

const PROJECT_CONFIG = {
  title: { us: 'Build a form', es: 'Construye un formulario' },
  description: { us: 'A form in HTML', es: 'Un formulario en HTML' },
  preview: 'https://example.com/form.png',
  difficulty: 'beginner',
  duration: 3,
  technologies: ['html', 'css'],
  video: {
    intro: { us: 'https://youtu.be/en', es: 'https://youtu.be/es' },
    solution: 'https://youtu.be/sol',
  },
  solution: 'https://github.com/acme/form-solution',
  delivery: { instructions: { us: 'Send your URL', es: 'Envía tu URL' }, formats: ['url'] },
  projectType: 'tutorial',
  editor: { agent: 'vscode' },
};

describe('pulling each asset type', () => {
  let harness: WorkerHarness;
  let worker: Worker;

  beforeAll(async () => {
    harness = await createWorkerHarness('pull_types', {
      repos: [
        {
          owner: 'acme',
          name: 'learn',
          files: {
            main: {
              'lessons/loops.md': LESSON,
              'articles/news.md':
                '---\ndescription: Fresh news\ntechnologies: node, deno\n---\nNews',
              'projects/form/README.md': '# Form\n',
              'projects/form/README.es.md': '# Formulario\n',
              'projects/form/learn.json': JSON.stringify(PROJECT_CONFIG),
              'exercises/sum/README.md': '# Sum\n',
              'exercises/sum/bc.json': JSON.stringify({ title: 'From bc.json', preview: 'p.png' }),
              'exercises/sum/.learn/learn.json': JSON.stringify({
                title: 'From .learn/learn.json',
                preview: 'https://example.com/sum.png',
                grading: 'incremental',
              }),
              'starters/react/README.md': '# React starter\n',
              'starters/react/bc.json': JSON.stringify({
                title: 'React starter',
                preview: 'https://example.com/react.png',
                intro: 'https://youtu.be/intro',
              }),
              'videos/hooks/README.md': '# Hooks\n',
              'videos/hooks/learn.json': JSON.stringify({
                title: 'Hooks',
                preview: 'https://example.com/hooks.png',
                difficulty: 'hard',
              }),
              'quizzes/html.json': JSON.stringify({
                info: { title: 'HTML quiz', main: 'Test yourself', technologies: ['html'] },
                questions: [{ q: 'a' }],
              }),
            },
          },
        },
      ],
    });
    await harness.seed([
      { slug: 'loops', assetType: 'LESSON', readmeUrl: url('lessons/loops.md') },
      { slug: 'news', assetType: 'ARTICLE', readmeUrl: url('articles/news.md') },
      {
        slug: 'form-es',
        assetType: 'PROJECT',
        lang: 'es',
        readmeUrl: url('projects/form/README.md'),
      },
      { slug: 'form', assetType: 'PROJECT', readmeUrl: url('projects/form/README.md') },
      { slug: 'sum', assetType: 'EXERCISE', readmeUrl: url('exercises/sum/README.md') },
      { slug: 'react', assetType: 'STARTER', readmeUrl: url('starters/react') },
      { slug: 'hooks', assetType: 'VIDEO', readmeUrl: url('videos/hooks/README.md') },
      { slug: 'html-quiz', assetType: 'QUIZ', readmeUrl: url('quizzes/html.json') },
    ]);
    worker = harness.start({ lanes: ['pull', 'webhook'] });
    for (const slug of ['loops', 'news', 'form-es', 'form', 'sum', 'react', 'hooks', 'html-quiz']) {
      await harness.pull(slug);
    }
    await worker.idle(200);
  });
  afterAll(async () => {
    await harness?.destroy();
  });

  it('pulls a lesson and takes its metadata from the front matter on the first sync', async () => {
    const asset = await harness.asset('loops');
    expect(asset).toMatchObject({
      title: 'Intro to loops',
      description: 'Repeat things',
      tags: ['javascript', 'loops'],
      readme_raw: LESSON,
      sync_status: 'OK',
      status_text: 'Successfully synced',
    });
    expect(asset.front_matter).toMatchObject({
      authors: ['ana', 'ben'],
      video: 'https://youtu.be/loops',
      table_of_contents: true,
    });
    expect(asset.blob_sha).toMatch(/^[0-9a-f]{40}$/);
    expect(asset.last_synch_at).toBeInstanceOf(Date);
  });

  it('never changes the slug of an asset, and says so in the event', async () => {
    expect(await harness.asset('a-different-slug')).toBeUndefined();
    const [event] = await harness.events('loops');
    expect(event).toMatchObject({ kind: 'PULL', outcome: 'OK', source_type: 'cli' });
    expect(event.detail).toMatch(/slug 'a-different-slug' differs/);
  });

  it('takes an article description and technologies when there is no excerpt or tags', async () => {
    expect(await harness.asset('news')).toMatchObject({
      description: 'Fresh news',
      tags: ['node', 'deno'],
      title: null,
    });
  });

  it('reads the README in the asset language and the per-language config', async () => {
    const asset = await harness.asset('form-es');
    expect(asset).toMatchObject({
      readme_raw: '# Formulario\n',
      title: 'Construye un formulario',
      description: 'Un formulario en HTML',
      tags: ['html', 'css'],
      sync_status: 'OK',
    });
    expect(asset.config).toMatchObject({
      file: 'learn.json',
      preview: 'https://example.com/form.png',
      difficulty: 'BEGINNER',
      duration: 3,
      video: { intro: 'https://youtu.be/es', solution: 'https://youtu.be/sol' },
      solution: 'https://github.com/acme/form-solution',
      delivery: PROJECT_CONFIG.delivery,
      interactive: true,
      editorAgent: 'vscode',
    });
    expect(asset.config_blob_sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('reads README.md and the English texts for an English project', async () => {
    expect(await harness.asset('form')).toMatchObject({
      readme_raw: '# Form\n',
      title: 'Build a form',
      config: { video: { intro: 'https://youtu.be/en' } },
    });
  });

  it('prefers .learn/learn.json to bc.json', async () => {
    expect(await harness.asset('sum')).toMatchObject({
      title: 'From .learn/learn.json',
      config: { file: '.learn/learn.json', interactive: true, grading: 'incremental' },
    });
  });

  it('reads an older bc.json in a folder named by a tree URL', async () => {
    expect(await harness.asset('react')).toMatchObject({
      readme_raw: '# React starter\n',
      title: 'React starter',
      config: { file: 'bc.json', video: { intro: 'https://youtu.be/intro' }, interactive: false },
    });
  });

  it('pulls a video like a project', async () => {
    expect(await harness.asset('hooks')).toMatchObject({
      title: 'Hooks',
      config: { difficulty: 'HARD' },
      sync_status: 'OK',
    });
  });

  it('pulls a quiz and takes its metadata from info', async () => {
    const asset = await harness.asset('html-quiz');
    expect(asset).toMatchObject({
      title: 'HTML quiz',
      description: 'Test yourself',
      tags: ['html'],
      config: { questions: 1 },
      sync_status: 'OK',
    });
    expect(JSON.parse(String(asset.readme_raw)).info.title).toBe('HTML quiz');
  });
});

describe('metadata on later syncs', () => {
  let harness: WorkerHarness;
  let worker: Worker;
  const path = 'lessons/css.md';
  const lesson = (title: string) => `---\ntitle: ${title}\n---\nText about ${title}\n`;

  beforeAll(async () => {
    harness = await createWorkerHarness('pull_meta', {
      repos: [{ owner: 'acme', name: 'learn', files: { main: { [path]: lesson('First') } } }],
    });
    await harness.seed([{ slug: 'css', assetType: 'LESSON', readmeUrl: url(path) }]);
    worker = harness.start({ lanes: ['pull'] });
    await harness.pull('css');
    await worker.idle(200);
  });
  afterAll(async () => {
    await harness?.destroy();
  });

  it('stores a changed file but keeps the title on a later sync', async () => {
    harness.standin.addFile('acme', 'learn', 'main', path, lesson('Second'));
    await harness.pull('css');
    await worker.idle(200);
    expect(await harness.asset('css')).toMatchObject({
      title: 'First',
      readme_raw: lesson('Second'),
      front_matter: { title: 'Second' },
    });
  });

  it('takes the metadata again when the job overrides it', async () => {
    await harness.pull('css', { override: true });
    await worker.idle(200);
    expect(await harness.asset('css')).toMatchObject({ title: 'Second' });
  });
});
