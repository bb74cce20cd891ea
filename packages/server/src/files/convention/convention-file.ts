import type { ComposedFile } from '@mutualis/core';
import { buildConventionContent } from './convention-content';
import type { ConventionInput } from './convention-input';

/** The convention as one composed document: numbered articles become « Article N — title » sections. */
export function conventionFile(input: ConventionInput): ComposedFile {
  const content = buildConventionContent(input);
  return {
    title: `${content.title} — ${content.subtitle}`,
    footer: content.subtitle,
    parts: [
      {
        title: content.title,
        subtitle: content.subtitle,
        intro: content.preamble,
        sections: content.articles.map((article) => ({ heading: `Article ${article.number} — ${article.title}`, blocks: article.blocks })),
        closing: content.closing,
      },
    ],
  };
}
