/*
 * Glossary notes beside the segments of wagtail-localize's translation editor.
 *
 * A workaround: wagtail-localize's editor (1.14.5) is a React app rendered from JSON props,
 * with no extension point beside a segment, so this Stimulus controller adds its notes to the
 * DOM React made. Remove it (and the wrapper in translations/templates/wagtail_localize/admin/
 * edit_translation.html) when wagtail-localize lets a project add per-segment content
 * (its PR #912, "previous translation" hints per segment, would be the place).
 *
 * What it does: the page's JSON #kip-glossary (translations.templatetags.translation_review)
 * holds the glossary terms that the text mentions, with their approved translation in the
 * target language, their note and the UI strings in the user's language. Each string segment
 * (the <p> that is a direct child of a segment's <li>: its source text) whose text contains a
 * term (whole words, any case, an "s"/"es" plural: as translations.glossary.term_pattern) gets,
 * right after its source text, a note element (role="note") "Glossary: term → translation";
 * the segment's buttons and its text box are described by it (aria-describedby).
 *
 * React re-renders parts of the list (a segment switching to its text box, a saved
 * translation, a tab): a MutationObserver re-applies the notes, which is idempotent (a note
 * made for the same source text is kept, never added twice). Without JavaScript, or if
 * wagtail-localize's markup changes, the page-level glossary panel above the editor remains.
 */
(() => {
  const Controller = window.StimulusModule && window.StimulusModule.Controller;
  if (!Controller || !window.wagtail || !window.wagtail.app) return;

  const NOTE_CLASS = 'kip-glossary-note';
  const ID_PREFIX = 'kip-glossary-note-';
  let lastId = 0;

  const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  // Python's \w (translations.glossary.term_pattern) is Unicode letters, digits and "_".
  const termPattern = (term) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}_])${escapeRegExp(term)}(?:e?s)?(?![\\p{L}\\p{N}_])`,
      'iu',
    );

  // A segment's source is HTML shown as text (rich text keeps its <a id="a1"> tags): compare
  // its plain text, as translations.glossary.plain_text does. DOMParser runs no script.
  const parser = new DOMParser();
  const plainText = (source) =>
    (parser.parseFromString(source, 'text/html').body.textContent || '')
      .split(/\s+/)
      .filter(Boolean)
      .join(' ');

  const element = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    node.append(...children);
    return node;
  };

  class GlossaryNotesController extends Controller {
    static values = { payload: String };

    connect() {
      const data = document.getElementById(this.payloadValue);
      let payload;
      try {
        payload = JSON.parse(data ? data.textContent : 'null');
      } catch (error) {
        return; // no notes; the page-level panel still lists the terms
      }
      if (!payload || !Array.isArray(payload.terms) || !payload.terms.length) return;
      this.payload = payload;
      this.terms = payload.terms.map((entry) => ({ ...entry, pattern: termPattern(entry.term) }));
      this.scheduled = false;
      this.observer = new MutationObserver((records) => {
        if (records.some((record) => !this.isOwnChange(record))) this.schedule();
      });
      this.observer.observe(this.element, { childList: true, subtree: true });
      this.apply();
    }

    disconnect() {
      if (this.observer) this.observer.disconnect();
    }

    // Our own notes going in or out need no new pass.
    isOwnChange(record) {
      const nodes = [...record.addedNodes, ...record.removedNodes];
      return nodes.length > 0 && nodes.every((node) => node.classList && node.classList.contains(NOTE_CLASS));
    }

    schedule() {
      if (this.scheduled) return;
      this.scheduled = true;
      window.requestAnimationFrame(() => {
        this.scheduled = false;
        this.apply();
      });
    }

    apply() {
      this.element.querySelectorAll('li > p').forEach((source) => this.annotate(source));
    }

    annotate(source) {
      const text = plainText(source.textContent);
      const next = source.nextElementSibling;
      let note = next && next.classList.contains(NOTE_CLASS) ? next : null;
      if (note && note.dataset.source !== text) {
        note.remove();
        note = null;
      }
      if (!note) {
        const matches = this.terms.filter((entry) => entry.pattern.test(text));
        if (!matches.length) return;
        note = this.makeNote(matches, text);
        source.after(note);
      }
      this.describe(source.parentElement, note.id);
    }

    makeNote(matches, text) {
      const { labels, sourceLanguage, targetLanguage } = this.payload;
      lastId += 1;
      const entries = matches.map((entry) => {
        const item = element(
          'li',
          {},
          element('span', { lang: sourceLanguage, class: `${NOTE_CLASS}__term` }, entry.term),
          ' ',
          element('span', { 'aria-hidden': 'true' }, '→'),
          element('span', { class: 'w-sr-only' }, labels.approved),
          ' ',
          entry.translation
            ? element('span', { lang: targetLanguage, class: `${NOTE_CLASS}__translation` }, entry.translation)
            : element('em', {}, labels.missing),
        );
        if (entry.note) item.append(element('span', { class: `${NOTE_CLASS}__explanation` }, ` — ${entry.note}`));
        return item;
      });
      const note = element(
        'div',
        { class: NOTE_CLASS, role: 'note', id: `${ID_PREFIX}${lastId}` },
        element('span', { class: `${NOTE_CLASS}__label` }, labels.glossary),
        ' ',
        element('ul', { class: `${NOTE_CLASS}__terms` }, ...entries),
      );
      note.dataset.source = text;
      return note;
    }

    // The segment's controls (Translate/Edit, Save, its text box) come and go with React's
    // renders: each is described by the note, once.
    describe(segment, id) {
      segment.querySelectorAll('button, textarea').forEach((control) => {
        const ids = (control.getAttribute('aria-describedby') || '')
          .split(/\s+/)
          .filter((token) => token && !token.startsWith(ID_PREFIX));
        const value = [...ids, id].join(' ');
        if (control.getAttribute('aria-describedby') !== value) control.setAttribute('aria-describedby', value);
      });
    }
  }

  window.wagtail.app.register('kip-glossary-notes', GlossaryNotesController);
})();
