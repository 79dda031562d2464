import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { SecretValues } from '../../credentials.models';

interface SecretField {
  readonly key: keyof SecretValues;
  readonly label: string;
  /** For the copy button, e.g. "Copy API key". */
  readonly copyName: string;
  readonly value: string;
}

const FIELDS: readonly Omit<SecretField, 'value'>[] = [
  { key: 'apiKey', label: 'API key', copyName: 'Copy API key' },
  { key: 'apiSecret', label: 'API secret', copyName: 'Copy API secret' },
  { key: 'accessToken', label: 'Access token', copyName: 'Copy access token' },
];

let nextId = 0;

/**
 * Secret values as labelled read-only fields (monospace) with a copy button each (Clipboard CDK).
 * The buttons are named "Copy API key" etc., or just "Copy" (described by the field's label).
 */
@Component({
  selector: 'app-secret-fields',
  imports: [CdkCopyToClipboard, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    @for (field of fields(); track field.key) {
      <div class="row">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ field.label }}</mat-label>
          <input
            matInput
            readonly
            class="secret"
            autocomplete="off"
            spellcheck="false"
            [value]="field.value"
          />
        </mat-form-field>
        <span hidden [id]="idPrefix + field.key">{{ field.label }}</span>
        <button
          mat-stroked-button
          type="button"
          [cdkCopyToClipboard]="field.value"
          [attr.aria-describedby]="namedCopy() ? null : idPrefix + field.key"
          (cdkCopyToClipboardCopied)="onCopied(field.label, $event)"
        >
          {{ namedCopy() ? field.copyName : 'Copy' }}
        </button>
      </div>
    }
    <p class="copy-status" role="status">{{ copyStatus() }}</p>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      align-items: center;
      gap: 8px 12px;
    }
    .row {
      display: contents;
    }
    .row .secret {
      font-family: 'Roboto Mono', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .copy-status {
      grid-column: 1 / -1;
      margin: 0;
      min-height: 1.25em;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecretFields {
  readonly values = input.required<SecretValues>();
  /** True: "Copy API key"; false: "Copy" (the share page). */
  readonly namedCopy = input(true);

  protected readonly idPrefix = `secret-field-${nextId++}-`;
  protected readonly copyStatus = signal('');
  protected readonly fields = computed<readonly SecretField[]>(() => {
    const values = this.values();
    return FIELDS.flatMap((field) => {
      const value = values[field.key];
      return value ? [{ ...field, value }] : [];
    });
  });

  protected onCopied(label: string, copied: boolean): void {
    this.copyStatus.set(
      copied
        ? `${label} copied to the clipboard.`
        : `Could not copy: select the ${label} and copy it.`,
    );
  }
}
