import { BreakpointObserver, Breakpoints } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  effect,
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
import { NAV_BADGE_SOURCES } from '../nav-badges';
import { map } from 'rxjs';
import { HELP_PATH } from '../../../diagnostics/guides';
import { ProfileDialog } from '../../../workspace/profile/profile-dialog/profile-dialog';
import { Me } from '../../me/me.api';
import { MeStore } from '../../me/me.store';
import { AuthService } from '../../auth/auth.service';

interface NavItem {
  readonly label: string;
  readonly path: string;
  readonly icon: string;
  /** Whether the signed-in user can use the page (by the roles and delegations of `/api/me`). */
  readonly shownTo: (me: Me) => boolean;
}

const anyone = () => true;
const hasRole =
  (...roles: string[]) =>
  (me: Me) =>
    me.roles.some((role) => roles.includes(role));
/** A teammate holding a delegated credentials scope sees the partner's connections. */
const seesCredentials = (me: Me) =>
  hasRole('partner', 'ops')(me) ||
  (me.delegations ?? []).some((held) => held.scope.startsWith('credentials:'));

/**
 * Each page for the roles that can use it: partners their own pages, approvers what they
 * decide on (Inbox, Delegations to approve, Audit), ops everything they run.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Workspace', path: '/workspace', icon: 'dashboard', shownTo: anyone },
  { label: 'Inbox', path: '/inbox', icon: 'inbox', shownTo: hasRole('partner', 'approver', 'ops') },
  { label: 'Credentials', path: '/credentials', icon: 'key', shownTo: seesCredentials },
  { label: 'Delegations', path: '/delegations', icon: 'group_add', shownTo: anyone },
  { label: 'Alerts', path: '/alerts', icon: 'notifications', shownTo: hasRole('partner', 'ops') },
  {
    label: 'Diagnostics',
    path: '/diagnostics',
    icon: 'troubleshoot',
    shownTo: hasRole('partner', 'analyst', 'ops'),
  },
  {
    label: 'Audit',
    path: '/audit',
    icon: 'fact_check',
    shownTo: hasRole('partner', 'approver', 'ops'),
  },
  { label: 'Models', path: '/models', icon: 'account_tree', shownTo: hasRole('ops') },
  { label: 'Partners', path: '/partners', icon: 'person_add', shownTo: hasRole('ops') },
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
  protected readonly helpPath = HELP_PATH;
  protected readonly displayName = this.me.displayName;
  protected readonly partner = this.me.partner;
  /** Until `/api/me` answers, only the Workspace. */
  protected readonly navItems = computed(() => {
    const me = this.me.me();
    return me ? NAV_ITEMS.filter((item) => item.shownTo(me)) : NAV_ITEMS.slice(0, 1);
  });
  private readonly badges = inject(NAV_BADGE_SOURCES);
  protected readonly isNarrow = toSignal(
    inject(BreakpointObserver)
      .observe([Breakpoints.XSmall, Breakpoints.Small])
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  ngOnInit(): void {
    this.me.ensureLoaded();
  }

  constructor() {
    effect(() => {
      const shown = new Set(this.navItems().map((item) => item.path));
      this.badges.filter((badge) => shown.has(badge.path)).forEach((badge) => badge.start());
    });
  }

  /** The count beside a navigation item, or null for none. */
  protected badgeOf(path: string): number | null {
    return this.badges.find((badge) => badge.path === path)?.count() ?? null;
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
