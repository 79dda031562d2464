import { CdkDrag, CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MeStore } from '../../core/me/me.store';
import {
  LayoutItem,
  WIDGET_SIZES,
  WidgetId,
  WidgetSettings,
  WidgetSize,
} from '../api/workspace.models';
import { WIDGET_SETTING_KEYS, WIDGET_TITLES } from '../layout/layout-state';
import { LayoutStore } from '../layout/layout-store';
import { WidgetSettingsDialog, WidgetSettingsDialogData } from '../layout/widget-settings-dialog';
import { ProfilePanel } from '../profile/profile-panel/profile-panel';
import { WidgetHost } from '../widgets/widget-host';

/**
 * The partner's dashboard: the profile, then the widgets of their layout in a grid (S/M/L). "Edit
 * layout" adds, removes (not pinned), reorders (drag and drop, or Move up/down), resizes and
 * configures widgets, then saves; "Restore defaults" goes back to the persona's defaults.
 */
@Component({
  selector: 'app-workspace-page',
  imports: [
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    ProfilePanel,
    WidgetHost,
  ],
  providers: [LayoutStore],
  templateUrl: './workspace-page.html',
  styleUrl: './workspace-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkspacePage implements OnInit {
  protected readonly store = inject(MeStore);
  protected readonly layout = inject(LayoutStore);
  private readonly dialog = inject(MatDialog);
  protected readonly sizes = WIDGET_SIZES;
  protected readonly titles = WIDGET_TITLES;

  ngOnInit(): void {
    this.layout.load();
  }

  protected title(widget: WidgetId): string {
    return WIDGET_TITLES[widget];
  }

  protected hasSettings(widget: WidgetId): boolean {
    return WIDGET_SETTING_KEYS[widget].length > 0;
  }

  protected dropped(event: CdkDragDrop<readonly LayoutItem[]>): void {
    this.layout.move(event.previousIndex, event.currentIndex);
  }

  protected resize(widget: WidgetId, size: WidgetSize): void {
    this.layout.resize(widget, size);
  }

  protected newWidgetTitles(): string {
    return this.layout
      .newDefaultWidgets()
      .map((widget) => WIDGET_TITLES[widget])
      .join(', ');
  }

  protected openSettings(item: LayoutItem): void {
    const data: WidgetSettingsDialogData = {
      title: WIDGET_TITLES[item.widget],
      keys: WIDGET_SETTING_KEYS[item.widget],
      settings: item.settings,
    };
    this.dialog
      .open<WidgetSettingsDialog, WidgetSettingsDialogData, WidgetSettings>(WidgetSettingsDialog, {
        data,
        width: 'min(420px, 92vw)',
      })
      .afterClosed()
      .subscribe((settings) => {
        if (settings) {
          this.layout.changeSettings(item.widget, settings);
        }
      });
  }
}
