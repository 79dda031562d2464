import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, shareReplay, throwError } from 'rxjs';
import { GUIDES_BASE, guideFile } from './guides';
import { Block, parseMarkdown } from './markdown';

/** A guide link split into its guide and section: `/diagnostics/guides/<slug>#<section>`. */
export interface GuideLink {
  readonly slug: string;
  readonly section: string | null;
}

/** One section of a guide: the guide's title, the section's heading and the blocks under it. */
export interface GuideSection {
  readonly guideTitle: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

/** The guide a link names, or null when the link is not one of the app's guides (e.g. an outside page). */
export function guideLink(link: string | null | undefined): GuideLink | null {
  if (!link?.startsWith(GUIDES_BASE)) {
    return null;
  }
  const [path, section] = link.slice(GUIDES_BASE.length).split('#', 2);
  const slug = path.split('?', 1)[0];
  return /^[a-z0-9-]+$/.test(slug) ? { slug, section: section || null } : null;
}

/**
 * The section of a guide under the `##` heading with the anchor `section`, up to the next `##` (a `###` stays
 * inside); without a section, or for an anchor the guide does not have, everything after the title.
 */
export function sectionOf(blocks: readonly Block[], section: string | null): GuideSection {
  const [first, ...rest] = blocks;
  const guideTitle = first?.kind === 'heading' ? first.text : '';
  const start = rest.findIndex((b) => b.kind === 'heading' && b.level === 2 && b.id === section);
  if (!section || start < 0) {
    return { guideTitle, title: guideTitle, blocks: rest };
  }
  const heading = rest[start] as Extract<Block, { kind: 'heading' }>;
  const after = rest.slice(start + 1);
  const end = after.findIndex((b) => b.kind === 'heading' && b.level <= 2);
  return { guideTitle, title: heading.text, blocks: end < 0 ? after : after.slice(0, end) };
}

/**
 * The guides' Markdown files, fetched once per guide and parsed. A file that does not start with its title is
 * not a guide (e.g. the app's index page, answered for a file that does not exist).
 */
@Injectable({ providedIn: 'root' })
export class GuideFiles {
  private readonly http = inject(HttpClient);
  private readonly guides = new Map<string, Observable<Block[]>>();

  blocks(slug: string): Observable<Block[]> {
    let guide = this.guides.get(slug);
    if (!guide) {
      guide = this.http.get(guideFile(slug), { responseType: 'text' }).pipe(
        map(validGuide),
        catchError((error: unknown) => {
          this.guides.delete(slug); // try again next time
          return throwError(() => error);
        }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
      this.guides.set(slug, guide);
    }
    return guide;
  }
}

function validGuide(markdown: string): Block[] {
  const blocks = parseMarkdown(markdown);
  const first = blocks[0];
  if (!first || first.kind !== 'heading' || first.level !== 1) {
    throw new Error('not a guide');
  }
  return blocks;
}
