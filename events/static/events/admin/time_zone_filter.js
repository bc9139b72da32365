/*
 * A filter box for a long <select> (the events' time-zone field, events.forms.TimeZoneSelect).
 *
 * Typing narrows the select's options to those whose value, label or data-search text
 * (the zone's country) contains every word typed, accents and case aside. The option
 * chosen so far always stays, so filtering never changes the value by itself; Enter
 * chooses the first match, the down arrow moves to the select. Registered with the
 * admin's Stimulus application; without JavaScript the box stays hidden.
 */
(() => {
  const Controller = window.StimulusModule && window.StimulusModule.Controller;
  if (!Controller || !window.wagtail || !window.wagtail.app) return;

  const fold = (text) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[_/]/g, ' ')
      .toLowerCase();

  class OptionFilterController extends Controller {
    static targets = ['box', 'input', 'select', 'status'];

    static values = { matches: String, none: String, chosen: String };

    connect() {
      this.all = Array.from(this.selectTarget.options).map((option) => ({
        option,
        text: fold(`${option.value} ${option.text} ${option.dataset.search || ''}`),
      }));
      this.matches = this.all.map(({ option }) => option);
      this.boxTarget.hidden = false;
    }

    filter() {
      const words = fold(this.inputTarget.value).split(/\s+/).filter(Boolean);
      const { value } = this.selectTarget;
      const current = this.selectTarget.selectedOptions[0];
      this.matches = this.all
        .filter(({ text }) => words.every((word) => text.includes(word)))
        .map(({ option }) => option);
      const shown = [...this.matches];
      if (current && !shown.includes(current)) shown.unshift(current);
      this.selectTarget.replaceChildren(...shown);
      this.selectTarget.value = value; // moving the chosen option out and back would choose another
      if (!words.length) {
        this.statusTarget.textContent = '';
      } else if (this.matches.length) {
        this.statusTarget.textContent = this.matchesValue.replace('{count}', this.matches.length);
      } else {
        this.statusTarget.textContent = this.noneValue;
      }
    }

    keydown(event) {
      if (event.key === 'Enter') {
        // Never submit the page form from the filter box.
        event.preventDefault();
        const [first] = this.matches;
        if (first && this.inputTarget.value.trim()) {
          this.selectTarget.value = first.value;
          this.selectTarget.dispatchEvent(new Event('change', { bubbles: true }));
          this.statusTarget.textContent = this.chosenValue.replace('{zone}', first.text);
        }
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.selectTarget.focus();
      }
    }
  }

  window.wagtail.app.register('kip-option-filter', OptionFilterController);
})();
