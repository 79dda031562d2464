/**
 * DOM queries for component specs that find controls the way users (and Playwright) do: by their
 * visible label and by the text of buttons.
 */

/** Text content without the aria-hidden parts (icons, required markers), whitespace collapsed. */
export function accessibleText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The control labelled exactly `label` (via `<label for>`, a wrapping label or aria-labelledby). */
export function queryByLabel(root: ParentNode, label: string): HTMLElement | null {
  for (const element of Array.from(root.querySelectorAll('label'))) {
    if (accessibleText(element) !== label) {
      continue;
    }
    const target = element.htmlFor ? document.getElementById(element.htmlFor) : null;
    if (target) {
      return target;
    }
    const wrapped = element.querySelector<HTMLElement>('input, textarea, select');
    if (wrapped) {
      return wrapped;
    }
    if (element.id) {
      const labelled = root.querySelector<HTMLElement>(`[aria-labelledby~="${element.id}"]`);
      if (labelled) {
        return labelled;
      }
    }
  }
  return null;
}

export function getByLabel(root: ParentNode, label: string): HTMLElement {
  const control = queryByLabel(root, label);
  if (!control) {
    throw new Error(`No control labelled "${label}"`);
  }
  return control;
}

/**
 * Every element whose label contains `text`, ignoring case (an `aria-label`, a `<label for>` or
 * wrapping label, or `aria-labelledby`): what Playwright's `getByLabel(text)` matches unless it is
 * told to match exactly. An end-to-end test expecting one control fails when it finds another.
 */
export function queryAllByLabelContaining(root: ParentNode, text: string): HTMLElement[] {
  const wanted = text.toLowerCase();
  const matches = (label: string | null | undefined) => !!label?.toLowerCase().includes(wanted);
  const found = new Set<HTMLElement>();
  root.querySelectorAll<HTMLElement>('[aria-label]').forEach((element) => {
    if (matches(element.getAttribute('aria-label'))) {
      found.add(element);
    }
  });
  root.querySelectorAll('label').forEach((label) => {
    if (!matches(accessibleText(label))) {
      return;
    }
    const target = label.htmlFor
      ? document.getElementById(label.htmlFor)
      : label.querySelector<HTMLElement>('input, textarea, select');
    if (target) {
      found.add(target);
    }
  });
  root.querySelectorAll<HTMLElement>('[aria-labelledby]').forEach((element) => {
    const labelText = element
      .getAttribute('aria-labelledby')!
      .split(/\s+/)
      .map((id) => document.getElementById(id))
      .map((label) => (label ? accessibleText(label) : ''))
      .join(' ');
    if (matches(labelText)) {
      found.add(element);
    }
  });
  return [...found];
}

/** Buttons whose text is exactly `text`. */
export function buttonsByText(root: ParentNode, text: string): HTMLButtonElement[] {
  return Array.from(root.querySelectorAll('button')).filter(
    (button) => accessibleText(button) === text,
  );
}

export function buttonByText(root: ParentNode, text: string): HTMLButtonElement | undefined {
  return buttonsByText(root, text)[0];
}

/** Types into an input or textarea like a user (sets the value and fires `input`). */
export function typeInto(control: HTMLElement, value: string): void {
  const input = control as HTMLInputElement | HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('blur'));
}
