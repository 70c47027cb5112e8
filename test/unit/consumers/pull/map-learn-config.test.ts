import { describe, expect, it } from 'vitest';
import { AssetProblem } from '../../../../src/consumers/asset-problem.js';
import { mapLearnConfig } from '../../../../src/consumers/pull/map-learn-config.js';

const learn = (fields: Record<string, unknown>) =>
  JSON.stringify({ preview: 'https://example.com/preview.png', ...fields });

describe('mapLearnConfig', () => {
  it('picks the per-language title and description, us meaning English', () => {
    const text = learn({
      title: { us: 'Build a form', es: 'Construye un formulario' },
      description: { en: 'In English', es: 'En español' },
    });
    expect(mapLearnConfig(text, 'learn.json', 'es').metadata).toMatchObject({
      title: 'Construye un formulario',
      description: 'En español',
    });
    expect(mapLearnConfig(text, 'learn.json', 'en').metadata).toMatchObject({
      title: 'Build a form',
      description: 'In English',
    });
  });

  it('falls back to English when the asset language has no translation', () => {
    const text = learn({ title: { us: 'Only English' } });
    expect(mapLearnConfig(text, 'learn.json', 'it').metadata.title).toBe('Only English');
  });

  it('takes plain string titles as they are', () => {
    expect(mapLearnConfig(learn({ title: ' Plain ' }), 'learn.json', 'es').metadata.title).toBe(
      'Plain',
    );
  });

  it('maps difficulty, duration, technologies, videos, solution and delivery', () => {
    const delivery = { instructions: { us: 'Send the URL' }, formats: ['url'] };
    const { config, metadata } = mapLearnConfig(
      learn({
        difficulty: 'intermediate',
        duration: '4',
        technologies: ['html', 'css', 'html'],
        video: {
          intro: { us: 'https://youtu.be/en', es: 'https://youtu.be/es' },
          solution: 'https://youtu.be/s',
        },
        solution: 'https://github.com/acme/solution',
        delivery,
      }),
      'learn.json',
      'es',
    );
    expect(config).toMatchObject({
      file: 'learn.json',
      preview: 'https://example.com/preview.png',
      difficulty: 'INTERMEDIATE',
      duration: 4,
      technologies: ['html', 'css'],
      video: { intro: 'https://youtu.be/es', solution: 'https://youtu.be/s' },
      solution: 'https://github.com/acme/solution',
      delivery,
    });
    expect(metadata.tags).toEqual(['html', 'css']);
  });

  it('reads a top-level intro video of older configs', () => {
    const { config } = mapLearnConfig(learn({ intro: 'https://youtu.be/old' }), 'bc.json', 'en');
    expect(config.video).toEqual({ intro: 'https://youtu.be/old' });
  });

  it.each([
    [{ grading: 'isolated' }, true],
    [{ projectType: 'tutorial' }, true],
    [{ projectType: 'project' }, false],
    [{}, false],
  ])('makes %j interactive: %s', (fields, interactive) => {
    expect(mapLearnConfig(learn(fields), 'learn.json', 'en').config.interactive).toBe(interactive);
  });

  it('keeps the editor agent and the file as parsed', () => {
    const { config } = mapLearnConfig(learn({ editor: { agent: 'vscode' } }), 'learn.json', 'en');
    expect(config.editorAgent).toBe('vscode');
    expect(config.raw).toMatchObject({ editor: { agent: 'vscode' } });
  });

  it('refuses a config without a preview, naming the file', () => {
    const problem = catchProblem(() =>
      mapLearnConfig(JSON.stringify({ title: 'x' }), '.learn/learn.json', 'en'),
    );
    expect(problem.kind).toBe('missing-preview');
    expect(problem.message).toMatch(/^Missing preview: \.learn\/learn\.json has no "preview"/);
  });

  it.each([
    ['{ not json', /is not valid JSON/],
    ['[1, 2]', /is not a JSON object/],
  ])('refuses %s as a bad config', (text, message) => {
    const problem = catchProblem(() => mapLearnConfig(text, 'learn.json', 'en'));
    expect(problem.kind).toBe('bad-config');
    expect(problem.message).toMatch(message);
  });
});

function catchProblem(run: () => unknown): AssetProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof AssetProblem) return error;
    throw error;
  }
  throw new Error('expected an AssetProblem');
}
