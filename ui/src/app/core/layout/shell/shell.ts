import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { ProfileDialog } from '../../../workspace/profile/profile-dialog/profile-dialog';
import { MeStore } from '../../me/me.store';
import { AuthService } from '../../auth/auth.service';

interface NavItem {
  readonly label: string;
  readonly path: string;
  readonly icon: string;
}

const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Workspace', path: '/workspace', icon: 'dashboard' },
  { label: 'Inbox', path: '/inbox', icon: 'inbox' },
  { label: 'Credentials', path: '/credentials', icon: 'key' },
  { label: 'Delegations', path: '/delegations', icon: 'group_add' },
  { label: 'Alerts', path: '/alerts', icon: 'notifications' },
  { label: 'Diagnostics', path: '/diagnostics', icon: 'troubleshoot' },
  { label: 'Audit', path: '/audit', icon: 'fact_check' },
];

const OPS_NAV_ITEMS: readonly NavItem[] = [
  { label: 'Models', path: '/models', icon: 'account_tree' },
];

/** Layout for signed-in users: toolbar (banner), responsive side navigation and the main outlet. */
@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatButtonModule,
    MatIconModule,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly me = inject(MeStore);
  private readonly dialog = inject(MatDialog);
  private readonly sidenav = viewChild.required<MatSidenav>('sidenav');

  protected readonly appName = 'Partner Workspace';
  protected readonly displayName = this.me.displayName;
  protected readonly partner = this.me.partner;
  protected readonly navItems = computed(() =>
    this.me.isOps() ? [...NAV_ITEMS, ...OPS_NAV_ITEMS] : NAV_ITEMS,
  );
  protected readonly isNarrow = toSignal(
    inject(BreakpointObserver)
      .observe([Breakpoints.XSmall, Breakpoints.Small])
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  ngOnInit(): void {
    this.me.ensureLoaded();
  }

  protected toggleNav(): void {
    void this.sidenav().toggle();
  }

  protected onNavigate(): void {
    if (this.isNarrow()) {
      void this.sidenav().close();
    }
  }

  protected openProfile(): void {
    this.dialog.open(ProfileDialog, { width: '480px', maxWidth: '95vw', autoFocus: 'dialog' });
  }

  protected logout(): void {
    this.auth.logout();
  }
}
