import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { finalize } from 'rxjs';
import { StepUp } from '../../core/auth/step-up';
import { problemMessage } from '../../core/http/problem';
import { Me } from '../../core/me/me.api';
import { MeStore } from '../../core/me/me.store';
import { DelegationCard } from '../components/delegation-card/delegation-card';
import { DelegationRequestForm } from '../components/delegation-request-form/delegation-request-form';
import { DelegationsApi } from '../delegations-api';
import {
  ConnectionChoice,
  DELEGATION_STATE_LABELS,
  Delegation,
  DelegationView,
  REVOCABLE_STATES,
  Scope,
  TeamMember,
} from '../delegations.models';

/** sessionStorage key of the delegation whose MFA confirmation waits for the step-up login. */
export const PENDING_MFA_KEY = 'pw.delegations.pending-mfa';
const PAGE_PATH = '/delegations';

interface Section {
  readonly view: DelegationView;
  readonly title: string;
  readonly empty: string;
}

interface ListState {
  readonly items: readonly Delegation[];
  readonly loading: boolean;
  readonly error: string | null;
}

const SECTIONS: Readonly<Record<DelegationView, Section>> = {
  mine: { view: 'mine', title: 'My requests', empty: 'You have not requested any delegation.' },
  'to-approve': {
    view: 'to-approve',
    title: 'To approve',
    empty: 'No delegation is waiting for your approval.',
  },
  'granted-to-me': {
    view: 'granted-to-me',
    title: 'Granted to me',
    empty: 'Nothing is delegated to you.',
  },
};

const EMPTY_LIST: ListState = { items: [], loading: false, error: null };

/**
 * Delegations: partners request them (to a teammate or a bot), confirm critical ones with MFA
 * (step-up login when needed) and revoke them; approvers and ops see what waits for approval.
 */
@Component({
  selector: 'app-delegations-page',
  imports: [MatProgressSpinnerModule, DelegationCard, DelegationRequestForm],
  templateUrl: './delegations-page.html',
  styleUrl: './delegations-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DelegationsPage implements OnInit {
  private readonly api = inject(DelegationsApi);
  private readonly meStore = inject(MeStore);
  private readonly stepUp = inject(StepUp);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly me = this.meStore.me;
  private readonly roles = computed(() => this.me()?.roles ?? []);
  protected readonly isPartner = computed(() => this.roles().includes('partner'));
  private readonly isOps = computed(() => this.roles().includes('ops'));
  private readonly isApprover = computed(
    () => this.roles().includes('approver') || this.roles().includes('ops'),
  );
  protected readonly sections = computed<readonly Section[]>(() => {
    if (!this.me()) {
      return [];
    }
    const sections: Section[] = [];
    if (this.isPartner()) {
      sections.push(SECTIONS.mine);
    }
    if (this.isApprover()) {
      sections.push(SECTIONS['to-approve']);
    } else {
      sections.push(SECTIONS['granted-to-me']);
    }
    return sections;
  });

  protected readonly scopes = signal<readonly Scope[]>([]);
  protected readonly team = signal<readonly TeamMember[]>([]);
  protected readonly connections = signal<readonly ConnectionChoice[]>([]);
  protected readonly lists = signal<Readonly<Record<DelegationView, ListState>>>({
    mine: EMPTY_LIST,
    'to-approve': EMPTY_LIST,
    'granted-to-me': EMPTY_LIST,
  });
  /** Outcome of the last action, announced politely. */
  protected readonly status = signal('');
  /** Problem of the last failed action (confirm, revoke) or of loading the form's data. */
  protected readonly actionError = signal<string | null>(null);
  /** The delegation an action is running on. */
  protected readonly busyId = signal<string | null>(null);

  ngOnInit(): void {
    this.meStore
      .load()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (me) => this.start(me),
        error: (error: unknown) => this.actionError.set(problemMessage(error)),
      });
  }

  protected canConfirm(delegation: Delegation): boolean {
    return delegation.state === 'AWAITING_MFA' && delegation.requester === this.me()?.username;
  }

  protected canRevoke(delegation: Delegation): boolean {
    return (
      REVOCABLE_STATES.includes(delegation.state) &&
      (delegation.requester === this.me()?.username || this.isOps())
    );
  }

  protected onRequested(delegation: Delegation): void {
    this.status.set(`Delegation requested: ${DELEGATION_STATE_LABELS[delegation.state]}`);
    this.actionError.set(null);
    this.loadList('mine');
  }

  protected confirmMfa(delegation: Delegation): void {
    this.confirm(delegation.id, true);
  }

  protected revoke(delegation: Delegation): void {
    this.busyId.set(delegation.id);
    this.actionError.set(null);
    this.api
      .revoke(delegation.id)
      .pipe(
        finalize(() => this.busyId.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.replace(updated);
          this.status.set('Delegation revoked');
        },
        error: (error: unknown) => this.actionError.set(problemMessage(error)),
      });
  }

  private start(me: Me): void {
    if (me.roles.includes('partner')) {
      this.loadFormData(me);
    }
    const pending = this.stepUp.take(PENDING_MFA_KEY);
    if (typeof pending === 'string' && pending) {
      // Back from the step-up login: confirm first, then list (so the lists show the new state).
      this.confirm(pending, false, () => this.loadAll());
    } else {
      this.loadAll();
    }
  }

  private loadFormData(me: Me): void {
    this.api
      .scopes()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (scopes) => this.scopes.set(scopes),
        error: (error: unknown) =>
          this.actionError.set(`Could not load the scopes: ${problemMessage(error)}`),
      });
    this.api
      .connections()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (connections) => this.connections.set(connections),
        error: (error: unknown) =>
          this.actionError.set(`Could not load your connections: ${problemMessage(error)}`),
      });
    if (me.partner) {
      this.api
        .team(me.partner)
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({
          next: (team) => this.team.set(team.filter((member) => member.username !== me.username)),
          error: (error: unknown) =>
            this.actionError.set(`Could not load your team: ${problemMessage(error)}`),
        });
    }
  }

  private loadAll(): void {
    for (const section of this.sections()) {
      this.loadList(section.view);
    }
  }

  private loadList(view: DelegationView): void {
    this.patchList(view, { loading: true, error: null });
    this.api
      .list(view)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (items) => this.patchList(view, { items, loading: false }),
        error: (error: unknown) =>
          this.patchList(view, { loading: false, error: problemMessage(error) }),
      });
  }

  /**
   * Confirms with MFA. When the login's MFA is missing or too old, the engine answers 403
   * `mfa-step-up-required`: remember the delegation and step up (once; the page confirms again
   * when it is opened after the login).
   */
  private confirm(id: string, allowStepUp: boolean, done?: () => void): void {
    this.busyId.set(id);
    this.actionError.set(null);
    this.api
      .confirmMfa(id)
      .pipe(
        finalize(() => {
          this.busyId.set(null);
          done?.();
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.replace(updated);
          this.status.set(`Delegation confirmed: ${DELEGATION_STATE_LABELS[updated.state]}`);
        },
        error: (error: unknown) => {
          if (allowStepUp && this.stepUp.startIfRequired(error, PENDING_MFA_KEY, id, PAGE_PATH)) {
            this.status.set('Sign in again with your one-time code to confirm.');
            return;
          }
          this.actionError.set(problemMessage(error));
        },
      });
  }

  private replace(updated: Delegation): void {
    this.lists.update((lists) => {
      const next = { ...lists };
      for (const view of Object.keys(next) as DelegationView[]) {
        next[view] = {
          ...next[view],
          items: next[view].items.map((d) => (d.id === updated.id ? updated : d)),
        };
      }
      return next;
    });
  }

  private patchList(view: DelegationView, patch: Partial<ListState>): void {
    this.lists.update((lists) => ({ ...lists, [view]: { ...lists[view], ...patch } }));
  }
}
