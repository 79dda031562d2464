/** Names each rule cell's textbox "Rule <n>, <column label>"; sets only what changed. */
export function nameCells(table: HTMLElement): void {
  for (const cell of Array.from(
    table.querySelectorAll<HTMLElement>('td[data-row-id][data-col-id]'),
  )) {
    const row = cell.closest('tr');
    const index = row?.querySelector('td.rule-index')?.textContent?.trim();
    const header = Array.from(table.querySelectorAll<HTMLElement>('th[data-col-id]')).find(
      (th) => th.dataset['colId'] === cell.dataset['colId'],
    );
    const column =
      header
        ?.querySelector('.input-label, .input-expression, .output-label, .output-name')
        ?.textContent?.trim() ??
      (cell.classList.contains('annotation') ? 'Annotation' : cell.dataset['colId']);
    const name = `Rule ${index ?? '?'}, ${column}`;
    for (const box of Array.from(
      cell.querySelectorAll<HTMLElement>('[contenteditable="true"], [role="textbox"]'),
    )) {
      if (box.getAttribute('aria-label') !== name) {
        box.setAttribute('aria-label', name);
        box.setAttribute('role', 'textbox');
      }
    }
  }
}
