import { nameCells } from './dmn-cells';

describe('nameCells', () => {
  it('names each rule cell after its rule number and column', () => {
    const table = document.createElement('div');
    table.innerHTML = `<table>
      <thead><tr><th data-col-id="Input_1"><div class="input-label">Severity</div></th>
        <th data-col-id="Output_1"><div class="output-name">channel</div></th></tr></thead>
      <tbody><tr><td class="rule-index">3</td>
        <td data-row-id="Rule_3" data-col-id="Input_1"><div contenteditable="true" role="textbox" aria-label="Input"></div></td>
        <td data-row-id="Rule_3" data-col-id="Output_1"><div contenteditable="true" role="textbox" aria-label="Output"></div></td>
      </tr></tbody></table>`;
    nameCells(table);
    const names = Array.from(table.querySelectorAll('[role="textbox"]')).map((box) =>
      box.getAttribute('aria-label'),
    );
    expect(names).toEqual(['Rule 3, Severity', 'Rule 3, channel']);
  });
});
